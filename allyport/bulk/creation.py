"""Creating a batch of imported opportunities with one INSERT.

Each row goes through the same steps and rule functions as `create_opportunity` up
to its insert (a failing row is refused alone, with every field error), and the
rows that pass are inserted together by the pipeline's `create_opportunities`, each
with its own audit record and effects, in the batch's transaction. Should a drawn
id still collide, the batch is rolled back and its rows go through
`create_opportunity` one by one.

Rows are prepared by the service's own `prepare_opportunity` (the steps of
`create_opportunity` up to its insert); `test_creation.py` checks that both
paths store the same opportunity.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError

from allyport.access.actor import Actor
from allyport.bulk.refusals import error_code, failures_of
from allyport.jobs.runner import Failure
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity


def prepare(actor: Actor, catalog: str, payload: Mapping[str, Any]) -> Opportunity:
    """The opportunity `create_opportunity` would insert (not saved), or its refusal."""
    return services.prepare_opportunity(actor, catalog, payload)


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
            services.create_opportunities(self.actor, self.catalog, opportunities)
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
