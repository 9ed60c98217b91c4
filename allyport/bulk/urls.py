from django.urls import path, re_path

from allyport.bulk import file_views, lead_views, views

app_name = "bulk"

JOB = r"^(?P<job_id>bulkjob-[0-9a-z]{13})/"
FILE = r"^files/(?P<file_id>bulkfile-[0-9a-z]{13})/"

urlpatterns = [
    path("", views.jobs, name="jobs"),
    path("import/", views.import_opportunities, name="import"),
    path("update/", views.update_opportunities, name="update"),
    path("transfer/", views.transfer_opportunities, name="transfer"),
    path("export/", views.export_opportunities, name="export"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("leads/import/", lead_views.import_leads, name="import_leads"),
    path("leads/template.csv", lead_views.lead_template, name="lead_template"),
    path("leads/export/", lead_views.export_leads, name="export_leads"),
    re_path(r"^template\.(?P<file_format>csv|xlsx)$", views.template, name="template"),
    re_path(JOB + "$", views.job, name="job"),
    re_path(JOB + r"errors\.csv$", views.job_errors, name="job_errors"),
    re_path(JOB + "download$", views.job_result, name="job_result"),
    # Ids before the API's form (bulk-<16 hex>): redirected to the job's page.
    re_path(
        r"^(?P<legacy_id>bulk-[0-9a-f]{16})/(?P<rest>(errors\.csv|download)?)$",
        views.legacy_job,
        name="legacy_job",
    ),  # fmt: skip
    path("files/", file_views.upload_file, name="upload_file"),
    re_path(FILE + "delete$", file_views.delete_file, name="delete_file"),
    re_path(FILE + r"(?P<name>[^/]+)$", file_views.file, name="file"),
    path("reports/<str:token>/", file_views.report, name="report"),
]
