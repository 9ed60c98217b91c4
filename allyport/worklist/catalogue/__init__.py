"""The starting catalogue: the guide's stage tables (Build, Market, Sell, Grow) and its
account and program tasks, in Allyport's own words, and the growth rules. Loaded by
the data migration and by `manage.py load_task_catalogue`; staff edit the rows in the
admin afterwards (loading again adds missing entries and leaves edited ones alone)."""

from __future__ import annotations

from typing import Any

from allyport.worklist.catalogue.account import ACCOUNT_TASKS, PROGRAM_TASKS
from allyport.worklist.catalogue.solution import BUILD, GROW, MARKET, SELL

DEFINITIONS = ACCOUNT_TASKS + PROGRAM_TASKS + BUILD + MARKET + SELL + GROW

GROWTH_RULES: list[dict[str, Any]] = [
    {"subject": "company", "target": "referral_eligible",
     "measure": "pipeline.validated_partner_opportunities", "threshold": 10,
     "description": "Eligible for AWS referrals after 10 validated partner-originated "
                    "opportunities."},
    {"subject": "offering", "target": "Market", "measure": "offering.active", "threshold": 1,
     "description": "An active offering is ready to be marketed."},
    {"subject": "offering", "target": "Sell", "measure": "offering.opportunities", "threshold": 1,
     "description": "An offering attached to an opportunity is being sold."},
    {"subject": "offering", "target": "Grow", "measure": "offering.launched_opportunities",
     "threshold": 2, "description": "Two launched opportunities with the offering attached."},
]  # fmt: skip


def load(definition_model: Any, rule_model: Any) -> int:
    """Add the entries missing from the tables (by key; rules by subject and target)."""
    added = 0
    for entry in DEFINITIONS:
        _made, created = definition_model.objects.get_or_create(key=entry["key"], defaults=entry)
        added += created
    for rule in GROWTH_RULES:
        _made, created = rule_model.objects.get_or_create(
            subject=rule["subject"], target=rule["target"], defaults=rule
        )
        added += created
    return added
