"""The Build pages' forms: the fields only (the services check the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.content.build.models import PILLARS, RISKS, DeviceCategory, WorkloadPath

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class CaseStudyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    customer = forms.CharField(label=_("Customer"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    challenge = forms.CharField(label=_("Challenge"), widget=TEXTAREA)
    solution = forms.CharField(label=_("Solution"), widget=TEXTAREA)
    results = forms.CharField(label=_("Results"), widget=TEXTAREA)
    url = forms.URLField(label=_("Public link"), required=False, assume_scheme="https")
    offerings = forms.MultipleChoiceField(
        label=_("Offerings"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("The offerings this case study shows."),
    )  # fmt: skip

    def __init__(self, *args: Any, offerings: list[tuple[str, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["offerings"].choices = offerings  # type: ignore[attr-defined]


class DeviceForm(forms.Form):
    name = forms.CharField(label=_("Product name"), max_length=200)
    model_number = forms.CharField(label=_("Model number"), max_length=80)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Select…")), *DeviceCategory.choices]
    )
    description = forms.CharField(label=_("Description"), widget=TEXTAREA)
    specifications = forms.CharField(
        label=_("Specifications"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One a line, as “Name: value”, e.g. “Power: 12 V DC”."),
    )  # fmt: skip
    datasheet = forms.FileField(
        label=_("Datasheet"), required=False, help_text=_("PDF or Office document, up to 10 MiB.")
    )


class WorkloadForm(forms.Form):
    name = forms.CharField(label=_("Workload name"), max_length=200)
    path = forms.ChoiceField(label=_("Path"), choices=[("", _("Select…")), *WorkloadPath.choices])
    customer = forms.CharField(label=_("Customer"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), widget=TEXTAREA)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in PILLARS:
            self.fields[f"{key}_risk"] = forms.ChoiceField(
                label=_("%(pillar)s: risk") % {"pillar": label},
                choices=[("", _("Select…")), *RISKS],
            )
            self.fields[f"{key}_findings"] = forms.CharField(
                label=_("%(pillar)s: findings") % {"pillar": label},
                required=False, widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip
        self.fields["improvement_plan"] = forms.CharField(
            label=_("Improvement plan"), widget=forms.Textarea(attrs={"rows": 5})
        )

    @staticmethod
    def initial_of(workload: Any) -> dict[str, Any]:
        initial = {
            "name": workload.name, "path": workload.path, "customer": workload.customer,
            "description": workload.description, "improvement_plan": workload.improvement_plan,
        }  # fmt: skip
        for key, _label in PILLARS:
            pillar = workload.pillars.get(key, {})
            initial[f"{key}_risk"] = pillar.get("risk", "")
            initial[f"{key}_findings"] = pillar.get("findings", "")
        return initial


class ReviewForm(forms.Form):
    """Staff's answer in the admin."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Validate")), ("reject", _("Request changes"))]
    )
    review_note = forms.CharField(label=_("Note to the partner"), required=False, widget=TEXTAREA)
