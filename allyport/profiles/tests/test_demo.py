"""The demo data shows the feature: listed partners, Octank's profile, terms, a fee."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from allyport.profiles.models import ProgramFee, TermsAcceptance

pytestmark = pytest.mark.django_db


def test_load_demo_fills_the_finder() -> None:
    call_command("load_demo", stdout=io.StringIO())
    page = Client().get("/partners/").content.decode()
    for name in ("Octank Software", "AnyCompany Cloud Services", "Blue Harbor Training"):
        assert name in page
    assert "Northwind" not in page  # Registered: not listed
    assert ProgramFee.objects.get(company__legal_name="Octank Software").status == "PAID"
    assert TermsAcceptance.objects.filter(version__version=1).count() >= 2
