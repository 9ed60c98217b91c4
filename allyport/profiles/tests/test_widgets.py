"""The quick choice widgets draw exactly what Django's own select widgets draw, in every
language, whatever is chosen (the Company form's look and accessibility depend on it)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.utils import translation
from django_countries import countries

from allyport.profiles.forms import CompanyForm
from allyport.profiles.widgets import QuickCheckboxes, QuickSelect, QuickSelectMultiple

TRICKY = [
    ("", "Select…"),
    ("a&b", "Fish & <chips>"),
    ('"q"', "Quoted \"label\" 'too'"),
    (3, 3000),
    (None, "Nothing"),
    ("a&b", "Same value again"),
]


class Stock(forms.Form):
    one = forms.ChoiceField(choices=TRICKY, required=False)
    many = forms.MultipleChoiceField(
        choices=TRICKY, required=False, widget=forms.SelectMultiple(attrs={"size": 4})
    )
    world = forms.MultipleChoiceField(choices=lambda: list(countries), required=False)
    boxes = forms.MultipleChoiceField(
        choices=TRICKY, required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "c"})
    )
    grouped = forms.MultipleChoiceField(
        choices=[("Fish", [("cod", "Cod"), ("eel", "Eel")]), ("x", "X")], required=False
    )


class Quick(forms.Form):
    one = forms.ChoiceField(choices=TRICKY, required=False, widget=QuickSelect(kept_as="test:one"))
    many = forms.MultipleChoiceField(
        choices=TRICKY,
        required=False,
        widget=QuickSelectMultiple(attrs={"size": 4}, kept_as="test:many"),
    )
    world = forms.MultipleChoiceField(
        choices=lambda: list(countries),
        required=False,
        widget=QuickSelectMultiple(kept_as="test:world"),
    )
    boxes = forms.MultipleChoiceField(
        choices=TRICKY,
        required=False,
        widget=QuickCheckboxes(attrs={"class": "c"}, kept_as="test:boxes"),
    )
    grouped = forms.MultipleChoiceField(
        choices=[("Fish", [("cod", "Cod"), ("eel", "Eel")]), ("x", "X")],
        required=False,
        widget=QuickSelectMultiple(kept_as="test:grouped"),
    )


CHOSEN: list[dict[str, Any]] = [
    {},
    {"one": "a&b", "many": ["a&b", '"q"', "3"], "world": ["DE", "FR"], "boxes": ["a&b", "3"]},
    {"one": "", "many": [""], "world": ["XX"], "boxes": ["nope"], "grouped": ["eel"]},
    {"one": "3", "many": ["nope"], "world": ["US"], "boxes": [""], "grouped": ["x"]},
]


@pytest.mark.parametrize("language", ["en", "de", "ja"])
@pytest.mark.parametrize("data", CHOSEN)
def test_quick_selects_draw_what_django_draws(language: str, data: dict[str, Any]) -> None:
    with translation.override(language):
        for bound in (True, False):
            args: dict[str, Any] = {"data": data} if bound else {"initial": data}
            stock, quick = Stock(**args), Quick(**args)
            if bound:
                assert stock.is_valid() == quick.is_valid()
            for name in ("one", "many", "world", "boxes", "grouped"):
                assert str(quick[name]) == str(stock[name]), (name, bound)
                assert quick[name].as_field_group() == stock[name].as_field_group()


def test_the_company_form_draws_as_before_in_every_language() -> None:
    """The Company form with Django's own widgets put back draws the same page."""
    initial = {
        "countries_served": ["SE"],
        "industry_segments": ["RETAIL"],
        "customer_segments": ["SMB"],
    }

    def stock_copy() -> forms.Form:
        form = CompanyForm(initial=initial)
        for name in ("employee_count", "industry_segments", "countries_served"):
            field = form.fields[name]
            stock = (
                forms.SelectMultiple
                if isinstance(field.widget, QuickSelectMultiple)
                else forms.Select
            )
            widget = stock(attrs=field.widget.attrs)
            widget.choices = field.widget.choices
            field.widget = widget
        return form

    for language in ("en", "fr", "ja"):
        with translation.override(language):
            quick = CompanyForm(initial=initial)
            assert quick.render() == stock_copy().render()
            assert '<option value="SE" selected>' in quick.render()
