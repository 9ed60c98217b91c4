"""Creating a batch of imported opportunities with one INSERT.

`create_opportunity` costs about a millisecond a row (its insert, audit record and
announcement, each on its own), which caps an import near 700 rows/s. Here each
row goes through the same steps and rule functions as `create_opportunity` up
to its insert (a failing row is refused alone, with every field error), and
the rows that pass are inserted together, each with its own audit record and
"Created" announcement, in the batch's transaction. An id already taken (ids are
random) is drawn again before the insert; should one still collide, the batch's
savepoint is rolled back and its rows go through `create_opportunity` one by one.

Rows are prepared by the service's own `prepare_opportunity` (the steps of
`create_opportunity` up to its insert); `test_creation.py` checks that both
paths store the same opportunity.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.audit.models import AuditEvent
from allyport.bulk.refusals import error_code, failures_of
from allyport.jobs.runner import Failure
from allyport.pipeline import services
from allyport.pipeline.ids import opportunity_id
from allyport.pipeline.models import Opportunity
from allyport.pipeline.services.common import changed, console_event
from allyport.pipeline.services.opportunities import prepare_opportunity


def prepare(actor: Actor, catalog: str, payload: Mapping[str, Any]) -> Opportunity:
    """The opportunity `create_opportunity` would insert (not saved), or its refusal."""
    return prepare_opportunity(actor, catalog, payload)


def _fresh_ids(pending: list[Opportunity]) -> None:
    """Draw again the ids that are taken already (or twice in the batch)."""
    while True:
        ids = [o.public_id for o in pending]
        taken = set(
            Opportunity.objects.filter(public_id__in=ids).values_list("public_id", flat=True)
        )
        seen: set[str] = set()
        again = False
        for opportunity in pending:
            if opportunity.public_id in taken or opportunity.public_id in seen:
                opportunity.public_id = opportunity_id()
                again = True
            seen.add(opportunity.public_id)
        if not again:
            return


def _created_event(actor: Actor, opportunity: Opportunity) -> AuditEvent | None:
    """The audit record `create_opportunity` writes, unsaved (a batch writes them together)."""
    return console_event(
        actor,
        "CreateOpportunity",
        opportunity,
        request={"catalog": opportunity.catalog},
        response={"id": opportunity.public_id},
    )


class BatchCreator:
    """Collects the prepared rows of a batch; `flush` inserts them."""

    def __init__(self, actor: Actor, catalog: str) -> None:
        self.actor, self.catalog = actor, catalog
        self.pending: list[tuple[int, Mapping[str, Any], Opportunity]] = []

    def add(self, number: int, payload: Mapping[str, Any]) -> Opportunity:
        """The row's prepared opportunity (its id is final once `flush` has run)."""
        opportunity = prepare(self.actor, self.catalog, payload)
        self.pending.append((number, payload, opportunity))
        return opportunity

    def flush(self) -> list[tuple[int, list[Failure], str]]:
        """Insert the batch's rows; those that failed after all (number, failures, code)."""
        pending, self.pending = self.pending, []
        if not pending:
            return []
        opportunities = [opportunity for _n, _p, opportunity in pending]
        try:
            with transaction.atomic():
                _fresh_ids(opportunities)
                Opportunity.objects.bulk_create(opportunities)
                events = [_created_event(self.actor, opportunity) for opportunity in opportunities]
                audit.record_many(event for event in events if event is not None)
                for opportunity in opportunities:
                    changed(self.actor, opportunity, "Created")
        except IntegrityError:
            return self._one_by_one(pending)
        return []

    def _one_by_one(
        self, pending: list[tuple[int, Mapping[str, Any], Opportunity]]
    ) -> list[tuple[int, list[Failure], str]]:
        failed = []
        for number, payload, prepared in pending:
            try:
                created = services.create_opportunity(self.actor, self.catalog, payload)
            except Exception as error:
                failures = failures_of(error)
                if failures is None:
                    raise
                failed.append((number, failures, error_code(error)))
            else:
                prepared.public_id = created.public_id  # the row's record names it
        return failed
