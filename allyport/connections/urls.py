from django.urls import path, re_path

from allyport.connections import views

app_name = "connections"

INVITATION = r"^invitations/(?P<identifier>pacinv-[A-Za-z0-9]{13})/"
CONNECTION = r"^(?P<identifier>pac-[A-Za-z0-9]{13})/"

urlpatterns = [
    path("", views.connection_list, name="list"),
    path("connect/", views.invite, name="invite"),
    path("preferences/", views.connection_preferences, name="preferences"),
    re_path(INVITATION + "accept/$", views.accept, name="accept"),
    re_path(INVITATION + "reject/$", views.reject, name="reject"),
    re_path(INVITATION + "cancel/$", views.cancel_invitation, name="cancel_invitation"),
    re_path(
        CONNECTION + r"cancel/(?P<connection_type>OPPORTUNITY_COLLABORATION|SUBSIDIARY)/$",
        views.cancel_connection,
        name="cancel",
    ),
]
