"""django-allauth hooks: our registration, MFA per company, mail through the queue,
and the security events of sign-in recorded in the audit log."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import Login
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from allyport.access import actor as actors
from allyport.accounts.domains import clean_business_email
from allyport.accounts.models import User
from allyport.audit import services as audit
from allyport.core import contributions, languages, mail
from allyport.core.client_address import client_ip

# allauth mail templates whose sending is a security event, by audit event name.
_CODE_EVENTS = {
    "account/email/login_code": "SendLoginCode",
    "account/email/password_reset_code": "ForgotPassword",
}


def _anonymous(request: HttpRequest) -> actors.Actor:
    return actors.anonymous(client_ip(request), request.META.get("HTTP_USER_AGENT", ""))


def _user_actor(request: HttpRequest, user: User) -> actors.Actor:
    return actors.for_user(user, client_ip(request), request.META.get("HTTP_USER_AGENT", ""))


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # People register through the company/user registration flows instead.
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Where a sign-in lands: a page an app above asks for first (the "signin.redirect"
        slot: fn(request) -> URL or None; e.g. new partner terms for the alliance lead)."""
        for ask in contributions.contributed("signin.redirect"):
            url = ask(request)
            if url:
                return str(url)
        return str(super().get_login_redirect_url(request))

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's limits (failed sign-ins) count by the address our limits use."""
        return client_ip(request) or super().get_client_ip(request)

    def clean_email(self, email: str) -> str:
        return clean_business_email(super().clean_email(email))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = self.request
        ctx = {"request": request, "email": email, **context}
        with languages.speaking_to(email):  # sign-in codes in the person's language
            message = self.render_mail(template_prefix, email, ctx)
        mail.enqueue_message(message)
        event = _CODE_EVENTS.get(template_prefix)
        if event:
            user = User.objects.filter(email__iexact=email).select_related("company").first()
            actor = _user_actor(request, user) if user else _anonymous(request)
            audit.record(
                actor,
                event,
                event_source=audit.SIGNIN_SOURCE,
                event_type=audit.CONSOLE_SIGNIN,
                username=email,
                request_parameters={"email": email},
            )

    def is_login_by_code_required(self, login: Login) -> bool:
        """MFA is a company setting: its members confirm each sign-in with an emailed code."""
        from allauth.account.internal.flows.login import get_authentication_records

        records = get_authentication_records(self.request, login.user)
        if records and records[-1]["method"] == "code":
            return False
        company = getattr(login.user, "company", None)
        return bool(company and company.mfa_enabled)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            record_failed_sign_in(
                request,
                credentials,
                "LockedOut",
                "Too many failed sign-in attempts; sign-in is locked for a while",
            )
            request.allyport_locked_out = True  # type: ignore[attr-defined]
            raise

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        record_failed_sign_in(request, credentials, "FailedAuthentication", "Failed authentication")


def record_failed_sign_in(
    request: HttpRequest, credentials: dict[str, Any], error_code: str, error_message: str
) -> None:
    """A failed ConsoleLogin; the address is named only when it belongs to a user
    (CloudTrail hides unknown user names)."""
    email = str(credentials.get("email") or credentials.get("username") or "")
    user = User.objects.filter(email__iexact=email).select_related("company").first()
    audit.record(
        _anonymous(request),
        "ConsoleLogin",
        event_source=audit.SIGNIN_SOURCE,
        event_type=audit.CONSOLE_SIGNIN,
        company=user.company if user else None,
        username=email if user else "",
        response_elements={"ConsoleLogin": "Failure"},
        error_code=error_code,
        error_message=error_message,
    )
