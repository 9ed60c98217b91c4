from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class JobPostingForm(forms.Form):
    title = forms.CharField(label=_("Job title"), max_length=200)
    location = forms.CharField(label=_("Location"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    certifications = forms.CharField(
        label=_("Certifications wanted"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, e.g. AWS Certified Solutions Architect – Associate."),
    )  # fmt: skip
    apply_url = forms.URLField(label=_("Where to apply"), required=False, assume_scheme="https")
