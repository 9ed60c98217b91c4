"""Select widgets that draw their options in Python, exactly as Django's templates do.

Django renders two templates per option (the option and its attributes); the Company
form's lists of countries and industries made that some six hundred template renders
per page. Here the options of each language are drawn once, escaped, and kept; a render
only marks the chosen ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import formats, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# One option as drawn: its value (as compared with the chosen ones), the HTML before the
# selected mark and the HTML after it.
Option = tuple[str, str, str]

# (the widget's `kept_as`, language) -> its options drawn; choices are fixed per language.
_DRAWN: dict[tuple[str, str | None], tuple[Option, ...] | None] = {}


def _drawn(choices: Iterable[tuple[Any, Any]]) -> tuple[Option, ...] | None:
    """The options as Django's select_option.html draws them (its file's final newline
    included); None when the choices have groups, which are left to Django."""
    drawn = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            return None
        value = "" if value is None else str(value)
        start = f'\n  <option value="{conditional_escape(value)}"'
        end = f">{conditional_escape(formats.localize(label))}</option>\n"
        drawn.append((value, start, end))
    return tuple(drawn)


class _QuickOptions:
    """For forms.Select and forms.SelectMultiple: `kept_as` names the choices, which
    must not change for a language."""

    template_name = "profiles/widgets/select.html"
    allow_multiple_selected: bool
    choices: Any

    def __init__(self, attrs: dict[str, Any] | None = None, *, kept_as: str) -> None:
        super().__init__(attrs)  # type: ignore[call-arg]
        self.kept_as = kept_as

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        drawn = self._options()
        if drawn is None:  # grouped choices: Django's own template
            context: dict[str, Any] = super().get_context(name, value, attrs)  # type: ignore[misc]
            context["widget"]["template_name"] = forms.Select.template_name
            return context
        context = forms.Widget.get_context(self, name, value, attrs)  # type: ignore[arg-type]
        if self.allow_multiple_selected:
            context["widget"]["attrs"]["multiple"] = True
        context["widget"]["options"] = self._draw(drawn, context["widget"]["value"])
        return context

    def _options(self) -> tuple[Option, ...] | None:
        key = (self.kept_as, translation.get_language())
        if key not in _DRAWN:
            _DRAWN[key] = _drawn(self.choices)
        return _DRAWN[key]

    def _draw(self, drawn: tuple[Option, ...], chosen: list[str]) -> SafeString:
        """Chosen as ChoiceWidget.optgroups chooses: a single select marks only the
        first option of the chosen value."""
        parts, marked = [], False
        for value, start, end in drawn:
            selected = (not marked or self.allow_multiple_selected) and value in chosen
            marked |= selected
            parts.append(f"{start} selected{end}" if selected else f"{start}{end}")
        return mark_safe("".join(parts))  # noqa: S308 - every part escaped in _drawn


class QuickSelect(_QuickOptions, forms.Select):
    pass


class QuickSelectMultiple(_QuickOptions, forms.SelectMultiple):
    pass
