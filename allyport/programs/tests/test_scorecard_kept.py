"""The Partner Scorecard is kept whole per member (core.fragments): it must never show
one company's scorecard to another, nor keep showing counts, thresholds or a stage
that have changed, whoever changed them (a member, staff, a job); and access is
decided before the kept page is read."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.pipeline import services as pipeline
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_portal_support import signed_in, text, with_solution
from allyport.profiles.services.stages import change_stage
from allyport.programs.services.learning import submit_completion
from allyport.programs.tests.conftest import certification, course, requirement
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
SCORECARD = "/company/scorecard/"


def _page(client: Client) -> str:
    response = client.get(SCORECARD)
    assert response.status_code == 200
    return text(response)


def _warm(client: Client) -> str:
    _page(client)
    return _page(client)  # rendered and kept by now


def test_each_company_sees_its_own_scorecard(validated: Any, validated_lead: Any) -> None:
    """Same roles, paths, stage and language: the page is still per member."""
    requirement("technical_certified", 2)
    requirement("launched_opportunities", 3)  # a tier not reached: its rows are shown
    for _n in range(2):
        certification(
            make_user(validated).email, "AWS Certified Developer - Associate", level="associate"
        )
    _other, other_lead = make_company(
        "Northwind", stage="Validated", paths=["Software"], domain="northwind.example"
    )
    assert "2 / 2" in _warm(signed_in(validated_lead))
    other = _warm(signed_in(other_lead))
    assert "0 / 2" in other and "2 / 2" not in other
    assert "2 / 2" in _page(signed_in(validated_lead))


def test_a_completion_shows_at_once(validated: Any, validated_lead: Any) -> None:
    requirement("accredited_technical", 2)
    client = signed_in(validated_lead)
    assert "0 / 2" in _warm(client)
    colleague = make_user(validated)
    with transaction.atomic():  # committed as a request's would be
        submit_completion(Actor.for_member(colleague), course().pk)
    assert "1 / 2" in _page(client)


def test_a_certification_import_by_a_job_shows_at_once(validated: Any, validated_lead: Any) -> None:
    from allyport.programs.services.certification_import import import_certifications

    requirement("technical_certified", 2)
    client = signed_in(validated_lead)
    assert "0 / 2" in _warm(client)
    content = (
        b"email,certification,level,date,expiry\n"
        b"lead@anycompany.example,AWS Certified Developer - Associate,Associate,2026-01-02,\n"
    )
    with override_settings(ALLYPORT_CERTIFICATION_DELAY_DAYS=0):
        with transaction.atomic():
            import_certifications(Actor.system(), "c.csv", content)
        assert "1 / 2" in _page(client)


def test_a_launched_opportunity_shows_at_once(
    validated: Any, validated_lead: Any, django_capture_on_commit_callbacks: Any
) -> None:
    requirement("launched_opportunities", 3)
    client = signed_in(validated_lead)
    assert "0 / 3" in _warm(client)
    actor = Actor.for_member(validated_lead)
    with django_capture_on_commit_callbacks(execute=True):
        made = with_solution(validated_lead, pipeline.create_opportunity(actor, "AWS", complete()))
    payload = complete()
    payload["LifeCycle"] = {**payload["LifeCycle"], "Stage": "Launched"}
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.update_opportunity(
            actor, "AWS", made.public_id, payload, last_modified_date=made.last_modified_date
        )
    assert "1 / 3" in _page(client)


def test_a_threshold_changed_by_staff_shows_at_once(validated: Any, validated_lead: Any) -> None:
    rule = requirement("technical_certified", 2)
    client = signed_in(validated_lead)
    assert "0 / 2" in _warm(client)
    rule.threshold = 5
    rule.save()  # as the admin's change form and its editable list do
    page = _page(client)
    assert "0 / 5" in page and "0 / 2" not in page
    rule.delete()
    assert "0 / 5" not in _page(client)


def test_a_stage_change_by_staff_shows_at_once(validated: Any, validated_lead: Any) -> None:
    client = signed_in(validated_lead)
    assert "at the Validated stage" in _warm(client)
    with transaction.atomic():
        change_stage(actors.system(), validated, "Differentiated", "reviewed")
    assert "at the Differentiated stage" in _page(client)


def _main(response: Any) -> str:
    """The page's own part, without the header that names the member."""
    return text(response).split("<main", 1)[1]


def test_a_member_who_loses_the_right_gets_the_same_refusal(
    validated: Any, validated_lead: Any
) -> None:
    refusal = signed_in(make_user(validated, "standard_user")).get(SCORECARD)
    assert refusal.status_code == 403
    colleague = make_user(validated, "standard_user", "alliance_team")
    client = signed_in(colleague)
    assert "Partner Scorecard" in _warm(client)
    [result] = apply_role_changes(
        actors.for_user(validated_lead),
        [RoleChange(colleague.public_id, remove=("alliance_team",))],
    )
    assert result.ok
    after = client.get(SCORECARD)
    assert after.status_code == 403
    assert _main(after) == _main(refusal)
    assert "Your records" not in text(after)


def test_a_kept_scorecard_carries_each_browsers_own_csrf_token(validated_lead: Any) -> None:
    from allyport.accounts import backends
    from allyport.core.fragments import CSRF_HOLE

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for browser in (first, second):
        browser.force_login(validated_lead, backend=backends.PATH)
    _warm(first)
    page = second.get(SCORECARD).content.decode()
    assert CSRF_HOLE not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert token not in first.get(SCORECARD).content.decode()
    answer = second.post(
        "/i18n/setlang/", {"language": "de", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
