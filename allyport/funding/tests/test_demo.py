"""`load_demo` fills the Funding pages: the catalogue and Octank's applications in each
state, through the services (so their records and history exist too)."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from allyport.funding.models import (
    ApplicationStatus,
    Benefit,
    BenefitAllocation,
    BenefitApplication,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_catalogue_and_applications_in_each_state() -> None:
    started = time.monotonic()
    call_command("load_demo")
    assert Benefit.objects.count() == 4
    statuses = set(BenefitApplication.objects.values_list("status", flat=True))
    assert statuses == {
        ApplicationStatus.PENDING_SUBMISSION, ApplicationStatus.IN_REVIEW,
        ApplicationStatus.ACTION_REQUIRED, ApplicationStatus.APPROVED,
    }  # fmt: skip
    allocation = BenefitAllocation.objects.get()
    assert str(allocation.remaining_amount) == "10800.00"
    assert time.monotonic() - started < 30  # the whole demo; funding's share is small
