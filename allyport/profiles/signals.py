"""What the profile contributes to lower apps' slots, connected in `ProfilesConfig.ready`:
at sign-in an alliance lead whose company has not accepted the current partner terms
lands on the terms page first ("signin.redirect"); registration shows and records the
current terms ("terms.current", "terms.accepted")."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from allyport.core import contributions


def terms_first(request: Any) -> str | None:
    from allyport.access.models import RoleAssignment  # noqa: PLC0415
    from allyport.profiles.selectors.company import terms_pending  # noqa: PLC0415

    user = getattr(request, "user", None)
    company = getattr(user, "company", None)
    if company is None or terms_pending(company) is None:
        return None
    if not RoleAssignment.objects.filter(user=user, role="alliance_lead").exists():
        return None
    return reverse("profiles:terms") + "?next=/"


def current_terms() -> dict[str, Any] | None:
    """The contract of "terms.current": fn() -> {version, title, url} or None."""
    from allyport.profiles.selectors.company import current_terms as current  # noqa: PLC0415

    found = current()
    if found is None:
        return None
    return {"version": found.version, "title": found.title, "url": reverse("profiles:public_terms")}


def terms_accepted(user: Any, version: int, source: str) -> None:
    """The contract of "terms.accepted": fn(user, version, source) -> None; the
    registrant accepted `version` for the company just registered."""
    from allyport.access import actor as actors  # noqa: PLC0415
    from allyport.profiles.services.terms import accept_terms  # noqa: PLC0415

    accept_terms(actors.for_user(user), user.company, version, source=source)


def connect() -> None:
    contributions.contribute("signin.redirect", terms_first, name="profiles.terms_first")
    contributions.contribute("terms.current", current_terms, name="profiles.current_terms")
    contributions.contribute("terms.accepted", terms_accepted, name="profiles.terms_accepted")
