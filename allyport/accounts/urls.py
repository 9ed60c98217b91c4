from django.urls import path

from allyport.accounts.views import invitations, profile, registration, staff_signin

app_name = "accounts"

COMPANY = {"kind": "company"}
USER = {"kind": "user"}

urlpatterns = [
    path("register/", registration.choose, name="register"),
    path("register/company/", registration.start, COMPANY, name="register_company"),
    path("register/company/verify/", registration.verify, COMPANY, name="register_company_verify"),
    path(
        "register/company/details/", registration.details, COMPANY, name="register_company_details"
    ),
    path("register/user/", registration.start, USER, name="register_user"),
    path("register/user/verify/", registration.verify, USER, name="register_user_verify"),
    path("register/user/details/", registration.details, USER, name="register_user_details"),
    path("invitations/<str:token>/", invitations.accept, name="accept_invitation"),
    path("locked-out/", profile.locked_out, name="locked_out"),
    path("profile/", profile.profile, name="profile"),
    path("company/alliance-lead/", profile.alliance_lead, name="alliance_lead"),
    # In place of Django's admin login (joined before the admin's URLs): limits, audit, code.
    path("staff/admin/login/", staff_signin.login, name="staff_login"),
    path("staff/admin/login/code/", staff_signin.login_code, name="staff_login_code"),
]
