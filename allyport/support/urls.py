from django.urls import path

from allyport.support import views

app_name = "support"

urlpatterns = [
    path("cases/<str:case_id>/", views.case_detail, name="case"),
    path("cases/<str:case_id>/resolve/", views.resolve, name="resolve"),
]
