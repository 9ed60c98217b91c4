from django.urls import path

from allyport.programs.views import (
    applications,
    catalogue,
    certifications,
    learn,
    scorecard,
    training,
)

app_name = "programs"

urlpatterns = [
    path("programs/", catalogue.programs, name="programs"),
    path("programs/p/<slug:slug>/", catalogue.program, name="program"),
    path("programs/applications/", applications.application_list, name="applications"),
    path(
        "programs/applications/create/", applications.application_create, name="application_create"
    ),
    path(
        "programs/applications/<str:public_id>/",
        applications.application_detail,
        name="application",
    ),
    path(
        "programs/applications/<str:public_id>/attachments/",
        applications.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "programs/applications/<str:public_id>/attachments/<int:pk>/",
        applications.attachment_download,
        name="attachment",
    ),
    path(
        "programs/applications/<str:public_id>/attachments/<int:pk>/delete/",
        applications.attachment_delete,
        name="attachment_delete",
    ),
    path("programs/resources/", catalogue.resources, name="resources"),
    path("programs/resources/<slug:slug>/", catalogue.resource, name="resource"),
    path(
        "learn/partner-training/",
        learn.catalogues["partner_training"],
        name="learn_partner_training",
    ),
    path("learn/self-paced/", learn.catalogues["self_paced"], name="learn_self_paced"),
    path("learn/instructor-led/", learn.catalogues["instructor_led"], name="learn_instructor_led"),
    path("learn/certification/", learn.catalogues["certification"], name="learn_certification"),
    path("learn/courses/<int:pk>/enrol/", learn.enrol, name="enrol"),
    path("learn/courses/<int:pk>/complete/", learn.complete, name="complete"),
    path("learn/courses/<int:pk>/file/", learn.course_file, name="course_file"),
    path("profile/certifications/", certifications.my_certifications, name="my_certifications"),
    path("company/training/", training.training_list, name="training"),
    path("company/scorecard/", scorecard.scorecard_page, name="scorecard"),
]
