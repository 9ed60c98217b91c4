"""Forms of the actions on opportunities: Submit, Transfer and Associate."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.accounts.models import User
from allyport.shapes.selling import INVOLVEMENT_TYPES, VISIBILITIES

CO_SELL_HELP = gettext_lazy(
    "Co-Sell asks AWS to work the deal with you; For Visibility Only shares it for information."
)
VISIBILITY_HELP = gettext_lazy("How much of the opportunity AWS sellers see.")


class SubmitForm(forms.Form):
    involvement_type = forms.ChoiceField(
        label=gettext_lazy("Sales involvement"),
        choices=[(value, value) for value in INVOLVEMENT_TYPES],
        widget=forms.RadioSelect,
        help_text=CO_SELL_HELP,
    )
    visibility = forms.ChoiceField(
        label=gettext_lazy("Visibility"),
        choices=[(value, value) for value in VISIBILITIES],
        widget=forms.RadioSelect,
        initial="Full",
        help_text=VISIBILITY_HELP,
    )


def user_label(user: User) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


class TransferForm(forms.Form):
    """The new owner, chosen among the members who may own opportunities."""

    assignee = forms.ChoiceField(label=gettext_lazy("New owner"))

    def __init__(self, *args: Any, users: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.users = {user.public_id: user for user in users}
        options: list[tuple[str, StrOrPromise]] = [("", gettext_lazy("Choose a user"))]
        options += [(user.public_id, user_label(user)) for user in users]
        cast(forms.ChoiceField, self.fields["assignee"]).choices = options

    def user(self) -> User:
        return self.users[self.cleaned_data["assignee"]]


class BulkTransferForm(TransferForm):
    """Several opportunities of the list to one new owner."""

    MAX = 100

    opportunities = forms.MultipleChoiceField(
        label=gettext_lazy("Opportunities"),
        error_messages={"required": gettext_lazy("Select the opportunities to transfer.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = self.data.getlist("opportunities") if hasattr(self.data, "getlist") else []
        # Any identifier may be posted: the service answers for each one.
        field = cast(forms.MultipleChoiceField, self.fields["opportunities"])
        field.choices = [(value, value) for value in chosen[: self.MAX]]

    def identifiers(self) -> list[str]:
        return list(dict.fromkeys(self.cleaned_data["opportunities"]))


# Related entity types the detail page offers, with their labels.
ENTITY_LABELS: dict[str, StrOrPromise] = {
    "Solutions": gettext_lazy("Offerings"),
    "AwsProducts": gettext_lazy("AWS products"),
    "AwsMarketplaceOffers": gettext_lazy("AWS Marketplace private offers"),
    "AwsMarketplaceOfferSets": gettext_lazy("AWS Marketplace offer sets"),
    "AwsMarketplaceSolutions": gettext_lazy("AWS Marketplace solutions"),
    "AwsMarketplaceProducts": gettext_lazy("AWS Marketplace products"),
}


class AssociateSolutionForm(forms.Form):
    """An active offering of the company (or "Other", described in the project)."""

    entity_type = forms.CharField(widget=forms.HiddenInput, initial="Solutions")
    solution = forms.ChoiceField(label=gettext_lazy("Offering"))

    def __init__(self, *args: Any, options: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, StrOrPromise]] = [("", gettext_lazy("Choose an offering"))]
        choices += options
        choices.append(("Other", gettext_lazy("Other (describe it in the project)")))
        cast(forms.ChoiceField, self.fields["solution"]).choices = choices

    def identifier(self) -> str:
        return str(self.cleaned_data["solution"])


class AssociateProductForm(forms.Form):
    entity_type = forms.CharField(widget=forms.HiddenInput, initial="AwsProducts")
    product = forms.CharField(
        label=gettext_lazy("AWS product code"),
        max_length=128,
        help_text=gettext_lazy("For example AmazonRedshift."),
    )

    def identifier(self) -> str:
        return str(self.cleaned_data["product"])


class AssociateOfferForm(forms.Form):
    entity_type = forms.CharField(widget=forms.HiddenInput, initial="AwsMarketplaceOffers")
    offer = forms.CharField(
        label=gettext_lazy("Private offer ID or ARN"),
        max_length=2048,
        help_text=gettext_lazy(
            "A private offer of your linked AWS Marketplace seller account. You need to be "
            "mapped to an IAM role that may list its entities and agreements."
        ),
    )

    def identifier(self) -> str:
        return str(self.cleaned_data["offer"])


ASSOCIATE_FORMS: dict[str, type[forms.Form]] = {
    "Solutions": AssociateSolutionForm,
    "AwsProducts": AssociateProductForm,
    "AwsMarketplaceOffers": AssociateOfferForm,
}
# The field of each form that shows the service's refusal.
ASSOCIATE_FIELDS = {
    "Solutions": "solution",
    "AwsProducts": "product",
    "AwsMarketplaceOffers": "offer",
}
