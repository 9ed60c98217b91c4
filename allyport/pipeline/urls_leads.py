"""Market > Leads Management (mounted at /market/leads/)."""

from django.urls import path

from allyport.pipeline.views import leads as views_leads

app_name = "leads"

urlpatterns = [
    path("", views_leads.invitation_list, name="list"),
    # "own/" before the invitation pages: an invitation id never reads "own".
    path("own/", views_leads.lead_list, name="own"),
    path(
        "own/<str:engagement_id>/<str:context_id>/opportunity",
        views_leads.create_opportunity,
        name="create_opportunity",
    ),
    path("<str:invitation_id>/", views_leads.invitation_detail, name="detail"),
    path("<str:invitation_id>/accept", views_leads.accept, name="accept"),
    path("<str:invitation_id>/reject", views_leads.reject, name="reject"),
]
