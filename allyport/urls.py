from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from allyport.accounts import urls_users as account_users
from allyport.accounts.views import language as language_views
from allyport.core.favicon import FaviconRedirect
from allyport.home import views as home_views
from allyport.marketplace import urls_users as marketplace_users

# User Management: the accounts' tabs and the marketplace's IAM roles tab, one namespace.
users_urls = ([*account_users.urlpatterns, *marketplace_users.urlpatterns], "users")

urlpatterns = [
    path("", home_views.home, name="home"),
    path("ping", home_views.ping, name="ping"),
    path("ping/session", home_views.ping_session, name="ping_session"),
    path("APNLogin", RedirectView.as_view(pattern_name="account_login"), name="apn_login"),
    path("accounts/", include("allauth.urls")),
    path("company/users/", include(users_urls)),
    path("marketplace/", include("allyport.marketplace.urls")),
    path("support/", include("allyport.support.urls")),
    path("support/assistant/", include("allyport.assistant.urls")),
    path("company/event-history/", include("allyport.audit.urls")),
    path("company/webhooks/", include("allyport.events.urls")),
    path("cloud/", include("allyport.cloud.urls")),
    path("api/aws", include("allyport.awsapi.urls")),
    path("sell/", include("allyport.pipeline.urls")),
    path("sell/bulk/", include("allyport.bulk.urls")),
    path("sell/customers/", include("allyport.customers.urls")),
    path("market/leads/", include("allyport.pipeline.urls_leads")),
    path("search/", include("allyport.search.urls")),
    path("help/", include("allyport.helpcentre.urls")),
    path("funding/", include("allyport.funding.urls")),
    path("market/connections/", include("allyport.connections.urls")),
    path("channel/", include("allyport.channel.urls")),
    path("market/marketing-central/", include("allyport.marketing.urls")),
    path("tasks/", include("allyport.worklist.urls")),
    path("dev/mailbox/", home_views.dev_mailbox, name="dev_mailbox"),
    path("captcha/", include("captcha.urls")),
    path("favicon.ico", FaviconRedirect.as_view()),
    # The Language menu also stores a member's choice on My Profile.
    path("i18n/setlang/", language_views.set_language, name="set_language"),
    # Includes without a prefix come after those with one: each is entered and all its
    # patterns tried for any path, while a prefix is one test (a page under tasks/
    # resolved in 25 steps). No route of theirs starts with a prefix above, and none
    # matches another's (core/tests/test_url_order.py), so they go busiest first
    # (Company Profile, the Scorecard); accounts' staff/admin/login/ must come before
    # the admin site.
    path("", include("allyport.profiles.urls")),
    path("", include("allyport.programs.urls")),
    path("", include("allyport.accounts.urls")),
    path("", include("allyport.content.urls")),
    path("staff/admin/", admin.site.urls),
    path("staff/support/", include("allyport.support.urls_staff")),
    path("staff/assistant/", include("allyport.assistant.urls_staff")),
]

handler403 = "allyport.core.error_pages.forbidden"
handler404 = "allyport.core.error_pages.not_found"
handler500 = "allyport.core.error_pages.server_error"
handler429 = "allyport.core.error_pages.too_many_requests"  # allauth's limits
