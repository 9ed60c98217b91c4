"""What the funding pages share: the menu items, and field errors shown on forms."""

from __future__ import annotations

from django import forms
from django.urls import reverse

from allyport.core.errors import RuleViolation
from allyport.funding.models import BenefitApplication
from allyport.pipeline.web import catalog_query

FUNDING_BENEFITS = "Funding/Funding Benefits"
FUNDING_PORTAL = "Funding/Funding Portal"


def application_url(application: BenefitApplication, name: str = "funding:application") -> str:
    return reverse(name, args=[application.public_id]) + catalog_query(application.catalog)


def show_refusal(
    form: forms.Form, refused: RuleViolation, field_of: dict[str, str] | None = None
) -> None:
    """Each refusal next to its field (or above the form when no field shows it)."""
    mapper = getattr(form, "field_of", None)
    for error in refused.errors:
        field = (field_of or {}).get(error.field) or (mapper(error.field) if mapper else None)
        form.add_error(field if field in form.fields else None, error.message)
