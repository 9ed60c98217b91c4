"""The message a failed task carries: every field's refusal, then what to do, ending in
one full stop as the service's messages do (the rules' own messages end in one too)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.core.errors import RuleViolation


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop."""
    return text.rstrip().rstrip(".").rstrip() + "."


def failure_message(error: RuleViolation) -> str:
    details = "; ".join(f"{e.field}: {sentence(str(e.message))[:-1]}" for e in error.errors)
    return _("%(details)s. Correct this and start a new task.") % {"details": details}
