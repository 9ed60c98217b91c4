from django.urls import path

from allyport.support.views import staff

app_name = "support_staff"

urlpatterns = [
    path("", staff.queue, name="queue"),
    path("cases/<str:case_id>/", staff.case_detail, name="case"),
    path("files/<str:file_id>/", staff.attachment, name="attachment"),
]
