"""Sent after a change to an opportunity commits (`change`: "Created" or "Updated"),
for the events and notifications that follow ("Opportunity Created", …)."""

from __future__ import annotations

from django.dispatch import Signal

opportunity_changed = Signal()  # kwargs: opportunity, change, actor
