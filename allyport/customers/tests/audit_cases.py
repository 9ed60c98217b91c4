"""Audit-per-caller cases of customer accounts (joined by
home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.customers.services import accounts
from allyport.customers.tests.conftest import payload as account_payload

MEMBER, IAM = "member", "iam"

SCANNED: dict[str, ModuleType] = {
    "customers.accounts": accounts,
}
NOT_CHANGES: dict[str, str] = {}


def _create_account(world: Any, actor: Actor) -> None:
    accounts.create_customer_account(actor, "AWS", account_payload())


def _update_account(world: Any, actor: Actor) -> None:
    made = accounts.create_customer_account(world.actors[MEMBER], "AWS", account_payload())
    accounts.update_customer_account(
        actor, "AWS", made.public_id, account_payload("Renamed"),
        last_modified_date=made.last_modified_date,
    )  # fmt: skip


def _delete_account(world: Any, actor: Actor) -> None:
    made = accounts.create_customer_account(world.actors[MEMBER], "AWS", account_payload())
    accounts.delete_customer_account(actor, "AWS", made.public_id)


SERVICES = [
    ("customers.accounts.create_customer_account", "CreateCustomerAccount",
     (MEMBER, IAM), _create_account),
    ("customers.accounts.update_customer_account", "UpdateCustomerAccount",
     (MEMBER, IAM), _update_account),
    ("customers.accounts.delete_customer_account", "DeleteCustomerAccount",
     (MEMBER, IAM), _delete_account),
]  # fmt: skip
