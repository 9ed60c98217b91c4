from django.urls import path, re_path

from allyport.bulk import views

app_name = "bulk"

JOB = r"^(?P<job_id>bulk-[0-9a-f]{16})/"

urlpatterns = [
    path("", views.jobs, name="jobs"),
    path("import/", views.import_opportunities, name="import"),
    path("update/", views.update_opportunities, name="update"),
    path("transfer/", views.transfer_opportunities, name="transfer"),
    path("export/", views.export_opportunities, name="export"),
    path("export.csv", views.export_csv, name="export_csv"),
    re_path(r"^template\.(?P<file_format>csv|xlsx)$", views.template, name="template"),
    re_path(JOB + "$", views.job, name="job"),
    re_path(JOB + r"errors\.csv$", views.job_errors, name="job_errors"),
    re_path(JOB + "download$", views.job_result, name="job_result"),
]
