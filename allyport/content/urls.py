"""The content app's pages, under one namespace. Public pages (device catalogue, job
postings) need no sign-in."""

from django.urls import path

from allyport.content.build.views import case_studies, devices, workloads
from allyport.content.events import views as events
from allyport.content.jobs import views as jobs
from allyport.content.market.views import badges, references, sponsorships, toolkit
from allyport.content.news import views as news
from allyport.content.resources import views as resources
from allyport.content.walkthroughs import views as walkthroughs

app_name = "content"

urlpatterns = [
    path("news/", news.news_list, name="news"),
    path("news/<str:public_id>/", news.news_item, name="news_item"),
    path("events/", events.event_list, name="events"),
    path("events/<str:public_id>/", events.event_page, name="event"),
    path("events/<str:public_id>/register/", events.register, name="event_register"),
    path("events/<str:public_id>/calendar.ics", events.event_calendar, name="event_calendar"),
    path("walkthroughs/", walkthroughs.walkthrough_list, name="walkthroughs"),
    path("walkthroughs/<str:public_id>/", walkthroughs.walkthrough_data, name="walkthrough"),
    path(
        "walkthroughs/<str:public_id>/progress/",
        walkthroughs.walkthrough_progress,
        name="walkthrough_progress",
    ),
    path("resources/navigate/", resources.navigate, name="navigate"),
    path(
        "resources/navigate/<str:track_id>/<int:position>/",
        resources.track_progress,
        name="track_progress",
    ),
    path("resources/documents/", resources.documents, name="documents"),
    path("resources/videos/", resources.videos, name="videos"),
    path("resources/faqs/", resources.faqs, name="faqs"),
    path("resources/", resources.view_all, name="view_all"),
    path("resources/<str:public_id>/file", resources.resource_file, name="resource_file"),
    path(
        "resources/<str:public_id>/captions.vtt",
        resources.resource_captions,
        name="resource_captions",
    ),
    path("build/case-studies/", case_studies.case_study_list, name="case_studies"),
    path("build/case-studies/new/", case_studies.case_study_new, name="case_study_new"),
    path("build/case-studies/<str:public_id>/", case_studies.case_study, name="case_study"),
    path(
        "build/case-studies/<str:public_id>/submit/",
        case_studies.case_study_submit,
        name="case_study_submit",
    ),
    path("build/devices/", devices.device_list, name="devices"),
    path("build/devices/new/", devices.device_new, name="device_new"),
    path("build/devices/<str:public_id>/", devices.device, name="device"),
    path("build/devices/<str:public_id>/submit/", devices.device_submit, name="device_submit"),
    path("devices/", devices.device_catalogue, name="device_catalogue"),
    path("build/workloads/", workloads.workload_list, name="workloads"),
    path("build/workloads/new/", workloads.workload_new, name="workload_new"),
    path("build/workloads/<str:public_id>/", workloads.workload, name="workload"),
    path(
        "build/workloads/<str:public_id>/submit/", workloads.workload_submit, name="workload_submit"
    ),
    path("market/sponsorships/", sponsorships.sponsorship_list, name="sponsorships"),
    path(
        "market/sponsorships/<str:public_id>/request/",
        sponsorships.sponsorship_request,
        name="sponsorship_request",
    ),
    path("market/toolkit/", toolkit.toolkit, name="toolkit"),
    path("market/toolkit/<str:public_id>/download", toolkit.toolkit_file, name="toolkit_file"),
    path("market/references/", references.reference_list, name="references"),
    path("market/references/new/", references.reference_new, name="reference_new"),
    path("market/references/<str:public_id>/", references.reference, name="reference"),
    path("market/badges/", badges.badge_manager, name="badges"),
    path("market/badges/<str:key>.<str:image_format>", badges.badge_image, name="badge_image"),
    path("company/jobs/", jobs.job_list, name="jobs"),
    path("company/jobs/new/", jobs.job_new, name="job_new"),
    path("company/jobs/<str:public_id>/close/", jobs.job_close, name="job_close"),
    path("jobs/<str:public_id>/", jobs.public_job, name="public_job"),
    path("jobs/company/<str:company_id>/", jobs.public_company_jobs, name="public_company_jobs"),
]
