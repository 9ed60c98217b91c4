"""Record sign-in security events that allauth reports through signals."""

from __future__ import annotations

from typing import Any

from allauth.account import signals as allauth_signals
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from allyport.access import actor as actors
from allyport.audit import services as audit
from allyport.core.client_address import client_ip


def _actor(request: HttpRequest, user: Any) -> actors.Actor:
    return actors.for_user(user, client_ip(request), request.META.get("HTTP_USER_AGENT", ""))


def _signin_event(request: HttpRequest, user: Any, name: str, **fields: Any) -> None:
    audit.record(
        _actor(request, user),
        name,
        event_source=audit.SIGNIN_SOURCE,
        event_type=audit.CONSOLE_SIGNIN,
        **fields,
    )


@receiver(allauth_signals.user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    company = getattr(user, "company", None)
    _signin_event(
        request,
        user,
        "ConsoleLogin",
        response_elements={"ConsoleLogin": "Success"},
        additional_event_data={"MFAUsed": "Yes" if company and company.mfa_enabled else "No"},
    )


@receiver(user_logged_out)
def on_logout(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Sign-out (allauth's and the admin's both end with Django's logout)."""
    if user is not None and request is not None:
        _signin_event(request, user, "Logout", response_elements={"Logout": "Success"})


@receiver(allauth_signals.login_code_rejected)
def on_login_code_rejected(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    _signin_event(
        request,
        user,
        "ConfirmLoginCode",
        request_parameters={"code": "-"},
        error_code="InvalidCode",
        error_message="Wrong verification code",
    )


@receiver(allauth_signals.authentication_step_completed)
def on_step(sender: Any, request: HttpRequest, user: Any, method: str = "", **kwargs: Any) -> None:
    if method == "code":
        _signin_event(request, user, "ConfirmLoginCode", request_parameters={"code": "-"})


@receiver(allauth_signals.password_reset)
def on_password_reset(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    _signin_event(request, user, "ConfirmForgotPassword", request_parameters={"password": "-"})


@receiver(allauth_signals.password_reset_code_rejected)
def on_reset_code_rejected(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    _signin_event(
        request,
        user,
        "ConfirmForgotPassword",
        request_parameters={"code": "-"},
        error_code="InvalidCode",
        error_message="Wrong password reset code",
    )


@receiver(allauth_signals.password_changed)
def on_password_changed(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    audit.record(_actor(request, user), "ChangePassword", request_parameters={"password": "-"})
