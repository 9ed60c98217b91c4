"""Choice widgets that draw their options in Python, exactly as Django's templates do.

Django renders two to four templates per option (the option, its input, its
attributes); the Company form's lists of countries and industries made that some six
hundred template renders per page. Here the choices of each language are escaped once
and kept; a render only joins them and marks the chosen ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer
from django.utils import formats, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# One choice: its value as compared with the chosen ones, then value and label escaped.
Choice = tuple[str, str, str]

# (the widget's `kept_as`, language) -> its choices; they are fixed per language.
_KEPT: dict[tuple[str, str | None], tuple[Choice, ...] | None] = {}


def _escaped(choices: Iterable[tuple[Any, Any]]) -> tuple[Choice, ...] | None:
    """The choices as the option templates show them (`value|stringformat:'s'`, the
    label localized); None when they have groups, which are left to Django."""
    kept = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            return None
        value = "" if value is None else str(value)
        kept.append((value, conditional_escape(value), conditional_escape(formats.localize(label))))
    return tuple(kept)


def _attrs(attrs: dict[str, Any]) -> str:
    """What django/forms/widgets/attrs.html draws."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class _Quick:
    """For Django's choice widgets: `kept_as` names the choices, which must not change
    for a language. The options are drawn by `_draw` into the widget's own template;
    grouped choices are drawn by Django's template (`stock_template`)."""

    template_name: str
    stock_template: str
    choices: Any

    def __init__(self, attrs: dict[str, Any] | None = None, *, kept_as: str) -> None:
        super().__init__(attrs)  # type: ignore[call-arg]
        self.kept_as = kept_as

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        kept = self._kept_choices()
        if kept is None:
            context = super().get_context(name, value, attrs)  # type: ignore[misc]
            return self._render(self.stock_template, context, renderer)  # type: ignore[attr-defined,no-any-return]
        context = forms.Widget.get_context(self, name, value, attrs)  # type: ignore[arg-type]
        self._more(context["widget"]["attrs"])
        context["widget"]["options"] = self._draw(kept, name, context["widget"]["value"], attrs)
        return self._render(self.template_name, context, renderer)  # type: ignore[attr-defined,no-any-return]

    def _kept_choices(self) -> tuple[Choice, ...] | None:
        key = (self.kept_as, translation.get_language())
        if key not in _KEPT:
            _KEPT[key] = _escaped(self.choices)
        return _KEPT[key]

    def _more(self, attrs: dict[str, Any]) -> None:
        """Attributes the stock widget's get_context adds."""

    def _draw(
        self, kept: tuple[Choice, ...], name: str, chosen: list[str], attrs: dict[str, Any] | None
    ) -> SafeString:
        """The options, drawn by each widget below (a select's, the check boxes')."""
        raise NotImplementedError


class _QuickSelect(_Quick):
    template_name = "profiles/widgets/select.html"
    stock_template = forms.Select.template_name
    allow_multiple_selected: bool

    def _more(self, attrs: dict[str, Any]) -> None:
        if self.allow_multiple_selected:
            attrs["multiple"] = True

    def _draw(
        self, kept: tuple[Choice, ...], name: str, chosen: list[str], attrs: dict[str, Any] | None
    ) -> SafeString:
        """Each option as select_option.html draws it (its file's final newline too),
        chosen as ChoiceWidget.optgroups chooses: a single select marks only the first
        option of the chosen value."""
        parts, marked = [], False
        for value, shown_value, label in kept:
            selected = (not marked or self.allow_multiple_selected) and value in chosen
            marked |= selected
            mark = " selected" if selected else ""
            parts.append(f'\n  <option value="{shown_value}"{mark}>{label}</option>\n')
        return mark_safe("".join(parts))  # noqa: S308 - values and labels escaped


class QuickSelect(_QuickSelect, forms.Select):  # type: ignore[misc]  # template_name narrowed
    pass


class QuickSelectMultiple(_QuickSelect, forms.SelectMultiple):  # type: ignore[misc]
    pass


class QuickCheckboxes(_Quick, forms.CheckboxSelectMultiple):
    template_name = "profiles/widgets/checkboxes.html"
    stock_template = forms.CheckboxSelectMultiple.template_name

    def _draw(
        self, kept: tuple[Choice, ...], name: str, chosen: list[str], attrs: dict[str, Any] | None
    ) -> SafeString:
        """Each option as checkbox_option.html draws it: the box inside its label, with
        the widget's attributes and an id of its own (ChoiceWidget.create_option)."""
        name = conditional_escape(name)
        parts = []
        for index, (value, shown_value, label) in enumerate(kept):
            box = self.build_attrs(self.attrs, attrs)
            if value in chosen:
                box.update(self.checked_attribute)
            if "id" in box:
                box["id"] = self.id_for_label(box["id"], str(index))
            label_for = f' for="{conditional_escape(box["id"])}"' if box.get("id") else ""
            parts.append(
                f'<div>\n    <label{label_for}><input type="checkbox" name="{name}"'
                f' value="{shown_value}"{_attrs(box)}>\n {label}</label>\n\n</div>'
            )
        return mark_safe("".join(parts))  # noqa: S308 - every part escaped
