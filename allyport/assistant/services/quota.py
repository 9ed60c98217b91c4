"""How many questions one person may ask AWS Partner Assistant: per minute and per
day (settings.ALLYPORT_ASSISTANT_QUESTION_RATES), so one person cannot keep the help
centre (and the optional generator) busy for everyone.

Counted per user in the shared cache with django-ratelimit, as the API's throttling
and the sign-in limits are, so several server processes share one count."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from allyport.accounts.models import User
from allyport.core.errors import FieldError, RuleViolation


class TooManyQuestions(RuleViolation):
    """A question over the person's rate: refused next to the question box."""


def _refusal(rate: str) -> TooManyQuestions:
    if rate.endswith("d"):
        message = _(
            "You have asked AWS Partner Assistant as many questions as you may today. "
            "Try again tomorrow, or browse Partner Support."
        )
    else:
        message = _(
            "You are asking AWS Partner Assistant questions faster than it can answer. "
            "Wait a minute and try again."
        )
    return TooManyQuestions([FieldError("question", message)])


def count_question(user: User) -> None:
    """Count one question of `user`; TooManyQuestions when a rate is passed."""
    # django-ratelimit reads the request only for its method (any) and for key
    # callables; the user's public id (never reused) names the counter.
    request = HttpRequest()
    for rate in settings.ALLYPORT_ASSISTANT_QUESTION_RATES:
        usage = get_usage(
            request,
            group="assistant.questions",
            key=lambda _group, _request: user.public_id,
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            raise _refusal(rate)
