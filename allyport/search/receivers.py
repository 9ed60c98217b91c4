"""Keeping the index current: whoever saves or deletes a record of a searchable kind
(a service, a job, the admin), its entry changes in the same transaction. The
opportunities a batch creates (`bulk_create` sends no `post_save`) come through the
pipeline's `opportunities_stored` signal, sent inside the batch's transaction."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from allyport.pipeline import signals as pipeline_signals
from allyport.pipeline.models import Opportunity
from allyport.search import index, kinds


def on_saved(sender: type[Model], instance: Model, raw: bool = False, **_: Any) -> None:
    if raw:  # loading fixtures: the rebuild command indexes them
        return
    for kind in kinds.for_model(sender):
        index.index_rows(kind, [instance])


def on_deleted(sender: type[Model], instance: Model, **_: Any) -> None:
    for kind in kinds.for_model(sender):
        index.remove_keys(kind, [kind.key(instance)])


def on_batch(sender: type[Model], opportunities: list[Opportunity], **_: Any) -> None:
    for kind in kinds.for_model(Opportunity):
        index.index_rows(kind, opportunities)


def connect() -> None:
    for model in {kind.model for kind in kinds.all_kinds() if kind.model is not None}:
        uid = f"search.{model._meta.label_lower}"
        post_save.connect(on_saved, sender=model, dispatch_uid=uid + ".saved")
        post_delete.connect(on_deleted, sender=model, dispatch_uid=uid + ".deleted")
    pipeline_signals.opportunities_stored.connect(on_batch, dispatch_uid="search.batch")
