from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from allyport.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("ping", core_views.ping, name="ping"),
    path("ping/session", core_views.ping_session, name="ping_session"),
    path("APNLogin", RedirectView.as_view(pattern_name="account_login"), name="apn_login"),
    path("accounts/", include("allauth.urls")),
    path("", include("allyport.accounts.urls")),
    path("company/users/", include("allyport.accounts.urls_users")),
    path("marketplace/", include("allyport.marketplace.urls")),
    path("support/", include("allyport.support.urls")),
    path("company/event-history/", include("allyport.audit.urls")),
    path("company/webhooks/", include("allyport.events.urls")),
    path("cloud/", include("allyport.cloud.urls")),
    path("api/aws", include("allyport.awsapi.urls")),
    path("sell/", include("allyport.pipeline.urls")),
    path("sell/bulk/", include("allyport.bulk.urls")),
    path("sell/customers/", include("allyport.customers.urls")),
    path("market/leads/", include("allyport.pipeline.urls_leads")),
    path("dev/mailbox/", core_views.dev_mailbox, name="dev_mailbox"),
    path("captcha/", include("captcha.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("staff/admin/", admin.site.urls),
]

handler403 = "allyport.core.error_pages.forbidden"
handler404 = "allyport.core.error_pages.not_found"
handler500 = "allyport.core.error_pages.server_error"
