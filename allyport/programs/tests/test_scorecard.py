"""The Partner Scorecard: each requirement's count from the records, met or not met,
what is missing and where to act; the next tier and the next stage; thresholds are
data; the FAQ's rule is shown."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from allyport.access.actor import Actor
from allyport.core import contributions
from allyport.pipeline import services as pipeline
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_portal_support import signed_in, text
from allyport.programs.selectors.scorecard import metrics, scorecard
from allyport.programs.services.learning import submit_completion
from allyport.programs.tests.conftest import certification, course, requirement
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
SCORECARD = "/company/scorecard/"


def _launched(company: Any, user: Any, amount: str) -> None:
    made = pipeline.create_opportunity(Actor.for_member(user), "AWS", complete())
    data = dict(made.data)
    data["Project"] = {
        **data["Project"],
        "ExpectedCustomerSpend": [
            {
                "Amount": amount,
                "CurrencyCode": "USD",
                "Frequency": "Monthly",
                "TargetCompany": "AWS",
            }
        ],
    }
    Opportunity.objects.filter(pk=made.pk).update(stage="Launched", data=data)


def test_metrics_count_unique_people_and_real_records(validated: Any, validated_lead: Any) -> None:
    one = make_user(validated, email="one@anycompany.example")
    two = make_user(validated, email="two@anycompany.example")
    certification(one.email, "AWS Certified Solutions Architect - Associate", level="associate")
    certification(one.email, "AWS Certified Developer - Associate", level="associate")
    certification(two.email, "AWS Certified DevOps Engineer - Professional", level="professional")
    certification(two.email, "AWS Certified Cloud Practitioner")
    certification("three@anycompany.example", "AWS Certified Cloud Practitioner")  # not registered
    submit_completion(Actor.for_member(one), course(track="business").pk)
    _launched(validated, validated_lead, "1000")
    _launched(validated, validated_lead, "700")
    counts = metrics(validated)
    assert counts["technical_certified"] == 2 and counts["pro_specialty_certified"] == 1
    assert counts["foundational_certified"] == 1
    assert counts["accredited_business"] == 1 and counts["accredited_technical"] == 0
    assert (counts["launched_opportunities"], counts["launched_mrr"]) == (2, 1700)
    contributions.contribute("company.public_references", lambda company: 4, name="refs")
    try:
        assert metrics(validated)["public_references"] == 4
    finally:
        contributions.withdraw("company.public_references", "refs")


def test_the_card_shows_met_missing_and_the_next_tier(validated: Any, validated_lead: Any) -> None:
    requirement("technical_certified", 2)
    requirement("launched_opportunities", 3)
    requirement("technical_certified", 6, tier="Advanced", rank=2)
    requirement("designations", 1, tier="Differentiated", rank=5, ladder="stage")
    for _n in range(2):
        certification(
            make_user(validated).email,
            level="associate",
            name="AWS Certified Developer - Associate",
        )
    cards, _counts = scorecard(validated)
    (card,) = cards
    assert card.tier == "" and card.next_tier.name == "Select"
    rows = {row.label: row for row in card.next_tier.rows}
    assert rows["AWS Technical Certified professionals"].met
    launched = rows["Launched opportunities (12 months)"]
    assert (launched.met, launched.count, launched.missing, launched.link) == (
        False,
        0,
        3,
        "/sell/opportunities/",
    )
    assert card.next_stage.name == "Differentiated"
    page = text(signed_in(validated_lead).get(SCORECARD))
    assert "Next tier: Select" in page and "Next stage: Differentiated" in page
    assert "Not met" in page and "0 / 3" in page and "2 / 2" in page
    assert "Only registered, consented certifications count" in page


def test_thresholds_are_data(validated: Any) -> None:
    requirement("technical_certified", 0)
    cards, _counts = scorecard(validated)
    assert cards[0].tier == "Select" and cards[0].next_tier is None


def test_the_kept_counts_are_forgotten_when_their_records_change(
    validated: Any, validated_lead: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from allyport.programs.services.certification_import import import_certifications

    requirement("accredited_technical", 2)
    requirement("technical_certified", 2)
    client = signed_in(validated_lead)
    assert "0 / 2" in text(client.get(SCORECARD))
    with django_capture_on_commit_callbacks(execute=True):
        submit_completion(Actor.for_member(validated_lead), course().pk)
    assert "1 / 2" in text(client.get(SCORECARD))
    content = (
        b"email,certification,level,date,expiry\n"
        b"lead@anycompany.example,AWS Certified Developer - Associate,Associate,2026-01-02,\n"
    )
    with override_settings(ALLYPORT_CERTIFICATION_DELAY_DAYS=0):
        with django_capture_on_commit_callbacks(execute=True):
            import_certifications(Actor.system(), "c.csv", content)
        page = text(signed_in(validated_lead).get(SCORECARD))
    assert page.count("1 / 2") == 2
