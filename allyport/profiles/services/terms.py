"""Partner terms and conditions: staff publish numbered versions; the company accepts a
version (at registration, or the alliance lead when a new version exists); every
acceptance keeps the version, who and when."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, Conflict, FieldError, NotFound, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.models import TermsAcceptance, TermsVersion
from allyport.profiles.services.common import record, require_on


def publish_terms(actor: Actor, title: str, body: str) -> TermsVersion:
    """A new version; alliance leads are asked to accept it at their next sign-in."""
    require(actor, perms.REVIEW)
    errors = [
        FieldError(name, _("This field is required."), REQUIRED)
        for name, value in (("title", title), ("body", body))
        if not (value or "").strip()
    ]
    if errors:
        raise RuleViolation(errors)
    with transaction.atomic():
        last = TermsVersion.objects.select_for_update().aggregate(n=Max("version"))["n"] or 0
        version = TermsVersion.objects.create(
            version=last + 1, title=title.strip(), body=body.strip(), published_by=actor.user
        )
        from allyport.audit import services as audit  # noqa: PLC0415

        audit.record_change(
            actor, "PublishPartnerTerms",
            request_parameters={"version": version.version, "title": version.title},
        )  # fmt: skip
    return version


def accept_terms(
    actor: Actor, company: Company, version: int, *, source: str = "prompt"
) -> TermsAcceptance:
    """The company accepts `version` (the current one: an older version is refused)."""
    require_on(actor, perms.ACCEPT_PARTNER_TERMS, company)
    current = TermsVersion.objects.order_by("-version").first()
    if current is None:
        raise NotFound("PartnerTerms", str(version))
    if current.version != version:
        raise Conflict(
            _("A newer version of the terms was published; read it first."),
            "PartnerTerms",
            str(version),
        )
    try:
        with transaction.atomic():
            acceptance = TermsAcceptance.objects.create(
                company=company, version=current, user=actor.user, source=source
            )
            record(actor, "AcceptPartnerTerms", company, {"version": version, "source": source})
    except IntegrityError:
        return TermsAcceptance.objects.get(company=company, version=current)
    return acceptance
