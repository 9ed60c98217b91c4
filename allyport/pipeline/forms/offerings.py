"""Build > Offerings: an offering's fields (the API's SolutionBase)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from allyport.pipeline.enums import Catalog
from allyport.pipeline.solutions.models import Solution
from allyport.shapes.selling import SOLUTION_CATEGORIES

# The service's field names (FieldError paths) -> form fields.
SERVICE_FIELDS = {
    "Name": "name",
    "Category": "category",
    "Status": "status",
    "AwsMarketplaceSolutionArn": "aws_marketplace_solution_arn",
}


class OfferingForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Offering name"), max_length=255)
    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        choices=[("", gettext_lazy("Choose a category"))]
        + [(value, value) for value in SOLUTION_CATEGORIES],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=Solution.Status.choices, initial="Draft"
    )
    aws_marketplace_solution_arn = forms.CharField(
        label=gettext_lazy("AWS Marketplace solution ARN"),
        required=False,
        max_length=2048,
        help_text=gettext_lazy("Optional: the listing of this offering in AWS Marketplace."),
    )

    def __init__(self, *args: object, with_catalog: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if with_catalog:
            self.fields["catalog"] = forms.ChoiceField(
                label=gettext_lazy("Catalog"), choices=Catalog.choices, initial=Catalog.AWS
            )
            self.order_fields(["catalog"])

    def values(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in SERVICE_FIELDS.values()}
