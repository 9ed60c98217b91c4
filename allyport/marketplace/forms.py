"""Forms of account linking, IAM role mapping, unlinking and the seller view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from allyport.cloud.models import IamRole
from allyport.core.forms import ConfirmForm
from allyport.marketplace.services.unlinking import UNLINK_REASONS


class IamSignInForm(forms.Form):
    """The AWS account sign-in of the linking flow: an IAM user."""

    account_id = forms.RegexField(
        label=gettext_lazy("AWS account ID"),
        regex=r"^\s*\d{12}\s*$",
        error_messages={"invalid": gettext_lazy("Enter the 12-digit AWS account ID.")},
    )
    user_name = forms.CharField(label=gettext_lazy("IAM user name"), max_length=64)
    password = forms.CharField(
        label=gettext_lazy("Password"), max_length=256, widget=forms.PasswordInput
    )


class SellerForm(forms.Form):
    legal_name = forms.CharField(
        label=gettext_lazy("Legal business name"),
        max_length=255,
        help_text=gettext_lazy("The name to register on AWS Marketplace."),
    )


class BulkMapForm(forms.Form):
    map_alliance_team = forms.BooleanField(
        label=gettext_lazy("Map users with the Alliance team role to this role"), required=False
    )
    map_ace_users = forms.BooleanField(
        label=gettext_lazy("Map users with the ACE manager or ACE user role to this role"),
        required=False,
    )


def _role_choices(roles: list[IamRole]) -> list[tuple[str, str]]:
    return [("", str(gettext_lazy("Choose an IAM role")))] + [(r.role_id, r.name) for r in roles]


class MapForm(forms.Form):
    """Map to IAM role: one or several users and a role."""

    users = forms.MultipleChoiceField(
        label=gettext_lazy("Users"), widget=forms.CheckboxSelectMultiple
    )
    role = forms.ChoiceField(label=gettext_lazy("IAM role"))

    def __init__(
        self, *args: Any, users: list[tuple[str, str]], roles: list[IamRole], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].choices = users  # type: ignore[attr-defined]
        self.fields["role"].choices = _role_choices(roles)  # type: ignore[attr-defined]


class UnmapForm(forms.Form):
    users = forms.MultipleChoiceField(
        label=gettext_lazy("Users"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, users: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].choices = users  # type: ignore[attr-defined]


class CrmRoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("IAM role"))

    def __init__(self, *args: Any, roles: list[IamRole], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(roles)  # type: ignore[attr-defined]


class UnlinkForm(ConfirmForm):
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason for unlinking"),
        choices=[("", gettext_lazy("Choose a reason")), *UNLINK_REASONS.items()],
    )

    field_order = ["reason", "confirm"]


class ProductForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Product title"), max_length=255)


class OfferForm(forms.Form):
    product = forms.ChoiceField(label=gettext_lazy("Product"))
    name = forms.CharField(label=gettext_lazy("Offer name"), max_length=150)
    buyer_account_id = forms.RegexField(
        label=gettext_lazy("Buyer AWS account ID"),
        regex=r"^\d{12}$",
        error_messages={"invalid": gettext_lazy("Enter the buyer's 12-digit AWS account ID.")},
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        choices=[("Draft", gettext_lazy("Draft")), ("Released", gettext_lazy("Released"))],
    )

    def __init__(self, *args: Any, products: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = products  # type: ignore[attr-defined]
