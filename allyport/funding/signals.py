"""Funding's outward signal, sent after a change commits (never inside it).

kwargs: application (BenefitApplication), previous (the status before, "" when
created), actor. The events app turns it into an EventBridge-shaped event for the
company's webhooks."""

from __future__ import annotations

from django.dispatch import Signal

benefit_application_changed = Signal()
