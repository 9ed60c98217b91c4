"""Market > Leads Management (mounted at /market/leads/)."""

from django.urls import path

from allyport.pipeline.views import leads as views_leads
from allyport.pipeline.views import leads_own

app_name = "leads"

urlpatterns = [
    path("", views_leads.invitation_list, name="list"),
    # "own/" before the invitation pages: an invitation id never reads "own".
    path("own/", leads_own.lead_list, name="own"),
    path("own/new", leads_own.lead_new, name="new"),
    path("own/transfer", leads_own.lead_transfer, name="transfer"),
    path("own/<str:engagement_id>/<str:context_id>/edit", leads_own.lead_edit, name="edit"),
    path(
        "own/<str:engagement_id>/<str:context_id>/qualify", leads_own.lead_qualify, name="qualify"
    ),
    path(
        "own/<str:engagement_id>/<str:context_id>/opportunity",
        views_leads.create_opportunity,
        name="create_opportunity",
    ),
    path("<str:invitation_id>/", views_leads.invitation_detail, name="detail"),
    path("<str:invitation_id>/accept", views_leads.accept, name="accept"),
    path("<str:invitation_id>/reject", views_leads.reject, name="reject"),
]
