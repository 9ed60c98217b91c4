"""The profile's pages: Company Profile (its tabs), the program fee, partner terms,
verification, Market > Find Partners and My Solutions Finder Listing, and the public
Partner Solutions Finder under /partners/."""

from django.urls import path

from allyport.profiles.views import company, domains, finder, locations, program, tabs

app_name = "profiles"

urlpatterns = [
    path("company/profile/", company.company_tab, name="company"),
    path("company/profile/cancel-update/", company.cancel_update, name="cancel_update"),
    path("company/profile/versions/", company.versions, name="versions"),
    path("company/profile/solutions/", tabs.solutions, name="solutions"),
    path("company/profile/qualifications/", tabs.qualifications, name="qualifications"),
    path("company/profile/locations/", locations.locations, name="locations"),
    path(
        "company/profile/locations/<int:location_id>/",
        locations.edit_location,
        name="location_edit",
    ),
    path(
        "company/profile/locations/<int:location_id>/delete/",
        locations.delete_location,
        name="location_delete",
    ),
    path("company/profile/case-studies/", tabs.case_studies, name="case_studies"),
    path("company/profile/products/", tabs.products, name="products"),
    path("company/profile/products/enroll/", tabs.enroll, name="enroll"),
    path("company/profile/domains/", domains.domains, name="domains"),
    path(
        "company/profile/domains/<str:domain>/remove/", domains.remove_domain, name="domain_remove"
    ),
    path("company/profile/verification/", program.verification_page, name="verification"),
    path("company/program-fee/", program.program_fee, name="fee"),
    path("profile/terms/", program.partner_terms, name="terms"),
    path("terms/", program.public_terms, name="public_terms"),
    path("market/find-partners/", finder.find_partners, name="find_partners"),
    path("market/solutions-finder-listing/", finder.my_listing, name="my_listing"),
    path("partners/", finder.public_search, name="finder"),
    path("partners/logo/<str:token>", finder.logo, name="logo"),
    path("partners/<str:public_id>/", finder.public_partner, name="finder_partner_short"),
    path("partners/<str:public_id>/<slug:slug>/", finder.public_partner, name="finder_partner"),
]
