"""Rights beyond the oracle (portal-actions.yaml) decide like the oracle's own."""

from __future__ import annotations

import pytest
import yaml

from allyport.access.actor import Actor
from allyport.access.decisions import authorize
from allyport.access.model import EXTRA_ACTIONS_FILE, access_model
from allyport.access.tests import oracle

EXTRA = yaml.safe_load(EXTRA_ACTIONS_FILE.read_text(encoding="utf-8"))["actions"]


def _actor(role: str) -> Actor:
    return Actor(
        kind="user",
        company=object(),
        roles=frozenset({role}),  # type: ignore[arg-type]
        paths=frozenset({"Software"}),
        stage="Registered",
    )


def test_it_repeats_no_oracle_action() -> None:
    assert not set(EXTRA) & set(oracle.raw()["actions"])


@pytest.mark.parametrize("action", sorted(EXTRA))
def test_it_grants_exactly_the_listed_roles(action: str) -> None:
    holders = set(access_model().roles) if EXTRA[action] == "all" else set(EXTRA[action])
    for role in access_model().roles:
        assert bool(authorize(_actor(role), action)) == (role in holders), (action, role)
