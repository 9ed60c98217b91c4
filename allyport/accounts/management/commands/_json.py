"""What the accounts' operator commands print (as JSON, through core.commands)."""

from __future__ import annotations

from typing import Any

from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import OperatorError


def company_json(company: Company) -> dict[str, Any]:
    return {
        "CompanyId": company.public_id,
        "Name": company.legal_name,
        "Domains": list(company.domains.values_list("domain", flat=True)),
        "Paths": company.paths,
        "Stage": company.stage,
        "MfaEnabled": company.mfa_enabled,
    }


def user_json(user: User) -> dict[str, Any]:
    return {
        "UserId": user.public_id,
        "Email": user.email,
        "CompanyId": user.company.public_id if user.company else None,
        "Roles": sorted(user.role_assignments.values_list("role", flat=True)),
    }


def mfa_flag(value: str | None) -> bool | None:
    if value is None:
        return None
    if value not in ("on", "off"):
        raise OperatorError("--mfa takes on or off")
    return value == "on"


def split(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None
