from django.urls import path

from allyport.accounts.views import users

app_name = "users"

urlpatterns = [
    path("", users.users_tab, name="list"),
    path("roles/", users.roles_tab, name="roles"),
    path("roles/invite/", users.invite, name="invite"),
]
