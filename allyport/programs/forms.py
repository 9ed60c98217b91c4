"""The programs pages' forms; each validates its shape and leaves the rules to the
services, whose refusals are shown next to the fields."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.core.errors import RuleViolation
from allyport.programs.models import ApplicationStatus, ProgramApplication


class AcknowledgementForm(forms.Form):
    designation = forms.SlugField(widget=forms.HiddenInput)
    acknowledged = forms.BooleanField(
        label=_("I acknowledge the terms above and the program guidelines."), required=False
    )


class ApplicationStepsForm(forms.Form):
    """The program's own steps: one field per question, the case studies to attach
    (from the company's), and customer references, one a line."""

    case_studies = forms.MultipleChoiceField(
        label=_("Case studies"), required=False, widget=forms.CheckboxSelectMultiple
    )
    references = forms.CharField(
        label=_("Customer references"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: customer, contact and what you delivered."),
    )  # fmt: skip

    def __init__(
        self, application: ProgramApplication, studies: list[str], *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = application.designation.question_list()
        for index, question in enumerate(self.questions):
            self.fields[f"answer_{index}"] = forms.CharField(
                label=question, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
            self.initial[f"answer_{index}"] = application.answers.get(question, "")
        self.order_fields([f"answer_{i}" for i in range(len(self.questions))])
        chosen = cast(forms.MultipleChoiceField, self.fields["case_studies"])
        chosen.choices = [(s, s) for s in studies]
        self.initial.setdefault("case_studies", application.case_studies)
        self.initial.setdefault("references", "\n".join(application.references))

    def answers(self) -> dict[str, str]:
        return {q: self.cleaned_data.get(f"answer_{i}", "") for i, q in enumerate(self.questions)}

    def references_list(self) -> list[str]:
        return str(self.cleaned_data.get("references", "")).splitlines()

    def show(self, refused: RuleViolation) -> None:
        for error in refused.errors:
            self.add_error(error.field if error.field in self.fields else None, error.message)


class AttachmentForm(forms.Form):
    attachment = forms.FileField(label=_("Attachment"))


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("Any")), *ApplicationStatus.choices],
    )  # fmt: skip


class CertificationEmailForm(forms.Form):
    certification_email = forms.EmailField(label=_("AWS T&C Account Email"), required=False)
    certification_consent = forms.BooleanField(
        label=_("I consent to share my certifications with the partner network"), required=False
    )

    def show(self, refused: RuleViolation) -> None:
        for error in refused.errors:
            self.add_error(error.field if error.field in self.fields else None, error.message)


class CertificationImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
