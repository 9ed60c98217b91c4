from django.urls import path

from allyport.audit import downloads, views

app_name = "audit"

urlpatterns = [
    path("", views.event_history, name="event_history"),
    path("events.csv", downloads.download_csv, name="download_csv"),
    path("events.json", downloads.download_json, name="download_json"),
    path("<uuid:event_id>/", views.event_detail, name="event_detail"),
]
