"""An article's passages follow it in the transaction that saves or deletes it,
whoever writes (the load command, the staff pages, the admin)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from allyport.helpcentre import knowledge, retrieval
from allyport.helpcentre.models import Article


def _saved(sender: type, instance: Article, **kwargs: Any) -> None:
    knowledge.sync_article(instance)


def _deleted(sender: type, instance: Article, **kwargs: Any) -> None:
    with transaction.atomic():
        retrieval.bump()


def connect() -> None:
    post_save.connect(_saved, sender=Article, dispatch_uid="helpcentre.article_saved")
    post_delete.connect(_deleted, sender=Article, dispatch_uid="helpcentre.article_deleted")
