"""The support centre's forms. They only carry what was posted: the services check
every rule (so the page and any other way in answer alike) and the views put the
refusals next to these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from allyport.core.errors import RuleViolation
from allyport.support import selectors
from allyport.support.services import MAX_BODY


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; each is checked by the services."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [f for f in files if f]


def _choices(topics: list[Any]) -> list[tuple[str, str]]:
    return [("", _("Select…")), *((str(t.pk), t.name) for t in topics)]


class CaseForm(forms.Form):
    case_type = forms.CharField(label=_("Type of Case"), required=False, widget=forms.Select)
    question_type = forms.CharField(label=_("Question Type"), required=False, widget=forms.Select)
    specific = forms.CharField(label=_("Get Specific"), required=False, widget=forms.Select)
    subject = forms.CharField(
        label=_("Subject"),
        required=False,
        max_length=255,
        help_text=_("A descriptive subject for your case."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MAX_BODY,
        widget=forms.Textarea,
        help_text=_("Describe your issue in detail."),
    )
    attachments = AttachmentsField(label=_("Attachments"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        data = self.data if self.is_bound else {}
        case_type = data.get("case_type", "")
        question = data.get("question_type", "") if case_type else ""
        questions = selectors.children_of(case_type)
        self.fields["case_type"].widget.choices = _choices(selectors.type_choices())
        self.fields["question_type"].widget.choices = _choices(questions)
        # A Question Type left from another Type of Case offers no Get Specific choices.
        chosen = question if any(str(q.pk) == question for q in questions) else ""
        specifics = selectors.children_of(chosen) if chosen else []
        self.fields["specific"].widget.choices = _choices(specifics)
        self.has_specifics = bool(specifics)
        # The services decide what is required (so every error shows at once); the
        # fields still say so to assistive technology and in their labels' hint.
        for name in ("case_type", "question_type", "subject", "description"):
            self.fields[name].widget.attrs["aria-required"] = "true"
        if specifics:
            self.fields["specific"].widget.attrs["aria-required"] = "true"


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), required=False, max_length=MAX_BODY, widget=forms.Textarea
    )
    attachments = AttachmentsField(label=_("Attachments"), required=False)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), max_length=MAX_BODY, widget=forms.Textarea)


def show_refusals(form: forms.Form, refused: RuleViolation) -> None:
    """Each refused field's message next to it (others above the form)."""
    for error in refused.errors:
        field = error.field if error.field in form.fields else None
        form.add_error(field, ValidationError(error.message))
