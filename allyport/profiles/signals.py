"""Receivers of the profile, connected in `ProfilesConfig.ready`: at sign-in an
alliance lead whose company has not accepted the current partner terms is asked to
(the session remembers it, so other requests cost nothing)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in

TERMS_PENDING = "profiles.terms_pending"


def _ask_for_terms(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from allyport.access.models import RoleAssignment  # noqa: PLC0415
    from allyport.profiles.selectors.company import terms_pending  # noqa: PLC0415

    company = getattr(user, "company", None)
    if company is None or request is None or not hasattr(request, "session"):
        return
    if not RoleAssignment.objects.filter(user=user, role="alliance_lead").exists():
        return
    pending = terms_pending(company)
    if pending is not None:
        request.session[TERMS_PENDING] = pending.version


def connect() -> None:
    user_logged_in.connect(_ask_for_terms, dispatch_uid="profiles.terms_at_sign_in")
