"""Every model's name in the admin is English: "opportunities", not "opportunitys"."""

from __future__ import annotations

import re

import pytest
from django.apps import apps

# The Selling API's own models are another team's; their plural is tracked there.
NOT_OURS = {"awsapi"}


def _ours() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("allyport.") and model._meta.app_label not in NOT_OURS
    ]


@pytest.mark.parametrize("model", _ours(), ids=lambda model: model.__name__)
def test_the_plural_name_is_english(model: type) -> None:
    one, many = str(model._meta.verbose_name), str(model._meta.verbose_name_plural)
    assert not re.search(r"[^aeiou]ys$", many), many
    assert not many.endswith("ss") or one == many, many
    assert not re.search(r"\b(iam|crm|api)\b", one), f"{one}: acronyms in capitals"


def test_the_admin_lists_opportunities() -> None:
    from allyport.pipeline.models import Opportunity

    assert str(Opportunity._meta.verbose_name_plural) == "opportunities"
