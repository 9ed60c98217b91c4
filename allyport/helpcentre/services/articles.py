"""Writing help articles: a staff edit (kept through `load_helpcentre` unless forced)
and the load command's own writes, each authorised and audited. Saving an article
re-cuts its passages in the same transaction (receivers.py)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import require
from allyport.audit import services as audit
from allyport.helpcentre.models import Article
from allyport.helpcentre.permissions import WRITE_HELP_CENTRE

SOURCE = "helpcentre.allyport.internal"


def save_article(actor: Actor, article: Article) -> Article:
    """Create or update an article; a staff edit marks it edited by staff."""
    require(actor, WRITE_HELP_CENTRE)
    creating = article.pk is None
    if actor.kind == ActorKind.STAFF:
        article.edited_by_staff = True
    with transaction.atomic():
        article.save()
        audit.record_change(
            actor,
            "CreateHelpArticle" if creating else "UpdateHelpArticle",
            event_source=SOURCE,
            request_parameters={
                "slug": article.slug,
                "title": article.title,
                "published": article.published,
            },
        )
    return article


def delete_article(actor: Actor, article: Article) -> None:
    require(actor, WRITE_HELP_CENTRE)
    with transaction.atomic():
        slug = article.slug
        article.delete()
        audit.record_change(
            actor, "DeleteHelpArticle", event_source=SOURCE, request_parameters={"slug": slug}
        )


def record_load(actor: Actor, summary: dict[str, Any]) -> None:
    """The load command's record of what it changed (in its transaction)."""
    require(actor, WRITE_HELP_CENTRE)
    audit.record_change(actor, "LoadHelpCentre", event_source=SOURCE, request_parameters=summary)
