"""Each writing service of the help centre records its event for each caller that may
use it (the program's staff and the system). Help articles belong to no company, so
their records carry none, and they stay out of the project-wide per-company test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.helpcentre.models import Article
from allyport.helpcentre.services import articles

pytestmark = pytest.mark.django_db


def _article(actor: Actor, slug: str = "audited") -> Article:
    body = "## Steps\n\nChoose Save."
    return articles.save_article(actor, Article(slug=slug, title="Audited", body=body))


def _update(actor: Actor) -> None:
    article = _article(actor)
    article.title = "Audited again"
    articles.save_article(actor, article)


CASES: list[tuple[str, Callable[[Actor], object]]] = [
    ("CreateHelpArticle", _article),
    ("UpdateHelpArticle", _update),
    ("DeleteHelpArticle", lambda actor: articles.delete_article(actor, _article(actor))),
    ("LoadHelpCentre", lambda actor: articles.record_load(actor, {"created": ["x"]})),
]
IDENTITY = {"staff": "Unknown", "system": "AWSService"}


@pytest.fixture
def callers(django_user_model) -> dict[str, Actor]:  # type: ignore[no-untyped-def]
    staff = django_user_model.objects.create_user(email="ops@allyport.example", password="x")
    return {"staff": Actor.for_staff(staff), "system": Actor.system()}


@pytest.mark.parametrize("caller", ["staff", "system"])
@pytest.mark.parametrize(("event", "run"), CASES, ids=[c[0] for c in CASES])
def test_each_writing_service_records_its_event(callers, caller, event, run):
    run(callers[caller])
    records = AuditEvent.objects.filter(event_name=event)
    assert records.count() == 1
    record = records.get().record
    assert record["eventSource"] == articles.SOURCE
    assert record["userIdentity"]["type"] == IDENTITY[caller]
    assert records.get().company_id is None


def test_a_member_is_refused_and_nothing_is_recorded(member):
    from allyport.access.decisions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _article(Actor.for_member(member))
    assert not AuditEvent.objects.filter(event_name="CreateHelpArticle").exists()
