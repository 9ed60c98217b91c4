"""`load_demo` shows connections: Octank's alliance lead finds an invitation waiting,
and the two linked demo partners are connected."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from allyport.accounts.models import User
from allyport.connections.models import Connection
from allyport.pipeline.tests.test_portal_support import signed_in, text

pytestmark = pytest.mark.django_db


def test_the_demo_has_connections_to_see() -> None:
    call_command("load_demo", stdout=io.StringIO())
    assert Connection.objects.count() == 1
    lead = User.objects.get(email="alliance_lead@octank.example")
    page = text(signed_in(lead).get("/market/connections/"))
    assert "AnyCompany Cloud" in page and "collaborate on opportunities with Octank" in page
    partner = User.objects.get(email="lead@anycompany.example")
    theirs = text(signed_in(partner).get("/market/connections/"))
    assert "Example Services" in theirs and "Active" in theirs
