from django.urls import path

from allyport.worklist import views

app_name = "worklist"

urlpatterns = [
    path("", views.task_list, name="list"),
    path("assign/", views.assign, name="assign"),
    path("<str:public_id>/", views.task_detail, name="detail"),
    path("<str:public_id>/submit/", views.task_submit, name="submit"),
    path("<str:public_id>/confirm/", views.task_confirm, name="confirm"),
    path("<str:public_id>/dismiss/", views.task_dismiss, name="dismiss"),
]
