"""Audit-per-caller cases of bulk jobs: a job started from the portal or the API
and the rows it imports, updates or transfers (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

import io
from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.bulk import api_jobs, files, rows
from allyport.bulk import services as bulk_services
from allyport.bulk.tests.conftest import csv_bytes, good_row
from allyport.testing import make_user

MEMBER, IAM = "member", "iam"

SCANNED: dict[str, ModuleType] = {
    "bulk.services": bulk_services,
    "bulk.rows": rows,
}
NOT_CHANGES: dict[str, str] = {}


def _bulk(world: Any, actor: Actor, content: bytes, kind: str = "import", **options: Any) -> None:
    """A job started by `actor` (a member's upload, or an IAM key's API call); the
    tests' task backend runs it at once, acting as the same caller."""
    member = world.actors[MEMBER]
    if actor.is_iam:
        found = files.upload(member, "rows.csv", io.BytesIO(content))
        api_jobs.start(actor, "AWS", files.uri(found))
    else:
        bulk_services.start_job(
            actor, kind, "AWS", source=io.BytesIO(content), file_name="rows.csv", options=options
        )


def _import(world: Any, actor: Actor) -> None:
    _bulk(world, actor, csv_bytes([good_row(1)]))


def _bulk_update(world: Any, actor: Actor) -> None:
    made = world.opportunity()
    stamp = made.last_modified_date.isoformat().replace("+00:00", "Z")
    row = {"Id": made.public_id, "LastModifiedDate": stamp, "Project.Title": "Renamed"}
    _bulk(world, actor, csv_bytes([row]), "update")


def _transfer(world: Any, actor: Actor) -> None:
    made = world.opportunity()
    owner = make_user(world.company, "ace_manager")
    _bulk(world, actor, csv_bytes([{"Id": made.public_id}]), "transfer", assignee=owner.public_id)


SERVICES = [
    ("bulk.services.start_job", "StartBulkJob", (MEMBER, IAM), _import),
    ("bulk.rows.import_opportunities", "CreateOpportunity", (MEMBER, IAM), _import),
    ("bulk.rows.update_opportunities", "UpdateOpportunity", (MEMBER, IAM), _bulk_update),
    ("bulk.rows.transfer_opportunities", "AssignOpportunity", (MEMBER,), _transfer),
]  # fmt: skip
