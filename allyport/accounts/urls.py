from django.urls import path

from allyport.accounts.views import invitations, profile, registration

app_name = "accounts"

urlpatterns = [
    path("register/", registration.choose, name="register"),
    path("register/company/", registration.start, {"kind": "company"}, name="register_company"),
    path("register/company/verify/", registration.verify, {"kind": "company"}, name="register_company_verify"),
    path("register/company/details/", registration.details, {"kind": "company"}, name="register_company_details"),
    path("register/user/", registration.start, {"kind": "user"}, name="register_user"),
    path("register/user/verify/", registration.verify, {"kind": "user"}, name="register_user_verify"),
    path("register/user/details/", registration.details, {"kind": "user"}, name="register_user_details"),
    path("invitations/<str:token>/", invitations.accept, name="accept_invitation"),
    path("locked-out/", profile.locked_out, name="locked_out"),
    path("profile/", profile.profile, name="profile"),
    path("profile/certifications/", profile.certifications, name="certifications"),
    path("company/alliance-lead/", profile.alliance_lead, name="alliance_lead"),
]  # fmt: skip
