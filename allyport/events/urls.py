from django.urls import path

from allyport.events import views

app_name = "webhooks"

urlpatterns = [
    path("", views.webhook_list, name="list"),
    path("create/", views.webhook_create, name="create"),
    path("<str:webhook_id>/", views.webhook_detail, name="detail"),
    path("<str:webhook_id>/status/", views.webhook_status, name="status"),
    path("<str:webhook_id>/test/", views.webhook_test, name="test"),
    path("<str:webhook_id>/delete/", views.webhook_delete, name="delete"),
]
