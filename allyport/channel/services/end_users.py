"""End User Information: the end customers of the company's resold AWS accounts.
One record per resold account; every rule is checked and reported at once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import require
from allyport.accounts.models import Company
from allyport.channel.models import EndUser
from allyport.channel.permissions import MANAGE_END_USERS, MENU
from allyport.channel.services.scope import record
from allyport.core.errors import DUPLICATE, REQUIRED, FieldError, RuleViolation

ACCOUNT = re.compile(r"^[0-9]{12}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


def _company(actor: Actor) -> Company:
    if actor.kind == ActorKind.MEMBER:
        require(actor, MENU)
    require(actor, MANAGE_END_USERS)
    assert actor.company is not None
    return actor.company


def end_users(actor: Actor) -> QuerySet[EndUser]:
    return EndUser.objects.filter(company=_company(actor)).order_by("customer_name", "account_id")


def _errors(company: Company, data: Mapping[str, Any]) -> list[FieldError]:
    errors = []
    account = str(data.get("account_id") or "").strip()
    if not ACCOUNT.match(account):
        errors.append(FieldError("account_id", _("An AWS account ID has 12 digits.")))
    elif EndUser.objects.filter(company=company, account_id=account).exists():
        errors.append(FieldError("account_id", _("This account has end-user information already."),
                                 DUPLICATE))  # fmt: skip
    if not str(data.get("customer_name") or "").strip():
        errors.append(FieldError("customer_name", _("Enter the end customer's name."), REQUIRED))
    if not COUNTRY.match(str(data.get("country_code") or "")):
        errors.append(FieldError("country_code", _("Choose the country (two letters).")))
    email = str(data.get("contact_email") or "").strip()
    if email and not EMAIL.match(email):
        errors.append(FieldError("contact_email", _("Enter an email address.")))
    return errors


def create_end_user(actor: Actor, data: Mapping[str, Any]) -> EndUser:
    company = _company(actor)
    errors = _errors(company, data)
    if errors:
        raise RuleViolation(errors)
    now = timezone.now()
    with transaction.atomic():
        row = EndUser.objects.create(
            company=company,
            account_id=str(data["account_id"]).strip(),
            customer_name=str(data["customer_name"]).strip()[:255],
            country_code=str(data["country_code"]),
            industry=str(data.get("industry") or "")[:80],
            contact_email=str(data.get("contact_email") or "").strip(),
            created_at=now,
            updated_at=now,
        )
        record(actor, "PutEndUserInformation", company=company,
               request={"accountId": row.account_id})  # fmt: skip
    return row
