"""Help content staff keep: articles (Markdown) and the lists cases are filed
under; and what partners say of an article ("Was this article helpful?")."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, Target, authorize
from allyport.audit import services as audit
from allyport.core import fragments
from allyport.core.errors import ChangeRefused
from allyport.support.models import Article, ArticleVote, Topic
from allyport.support.permissions import WRITE_HELP
from allyport.support.selectors import ARTICLE_LINKS_KEY, ARTICLES_GENERATION
from allyport.support.services.cases import SUPPORT_SOURCE


def _require_writer(actor: Actor) -> None:
    decision = authorize(actor, WRITE_HELP, Target())
    if not decision:
        raise PermissionDenied(decision)


def save_article(actor: Actor, article: Article) -> Article:
    """Create or update an article staff wrote (the admin's form validated it)."""
    _require_writer(actor)
    creating = article.pk is None
    with transaction.atomic():
        article.save()
        transaction.on_commit(lambda: cache.delete(ARTICLE_LINKS_KEY))
        fragments.changed(*ARTICLES_GENERATION)
        audit.record_change(
            actor, "CreateArticle" if creating else "UpdateArticle",
            event_source=SUPPORT_SOURCE,
            request_parameters={"slug": article.slug, "title": article.title,
                                "published": article.published},
        )  # fmt: skip
    return article


def save_topic(actor: Actor, topic: Topic) -> Topic:
    """Create or update an entry of the Type of Case / Question Type / Get Specific lists."""
    _require_writer(actor)
    creating = topic.pk is None
    with transaction.atomic():
        topic.save()
        audit.record_change(
            actor, "CreateCaseTopic" if creating else "UpdateCaseTopic",
            event_source=SUPPORT_SOURCE,
            request_parameters={"key": topic.key, "name": topic.name, "active": topic.active,
                                "parent": topic.parent.key if topic.parent else None},
        )  # fmt: skip
    return topic


def rate_article(actor: Actor, article: Article, helpful: Any) -> ArticleVote:
    """One answer per person; answering again changes it."""
    if not actor.is_member or actor.user is None or not article.published:
        raise ChangeRefused(_("Sign in as a partner to rate articles."))
    with transaction.atomic():
        vote, _created = ArticleVote.objects.update_or_create(
            article=article, user=actor.user, defaults={"helpful": bool(helpful)}
        )
        audit.record_change(
            actor, "RateArticle", event_source=SUPPORT_SOURCE,
            request_parameters={"slug": article.slug, "helpful": bool(helpful)},
        )  # fmt: skip
    return vote
