"""Forms of registration, invitation acceptance, sign-in and My Profile."""

from __future__ import annotations

from typing import Any, Self, cast

from allauth.account.forms import LoginForm
from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_stubs_ext import StrOrPromise

from allyport.accounts import passwords
from allyport.accounts.choices import (
    INDUSTRY_SEGMENT_CHOICES,
    CustomerSegment,
    EmployeeCount,
    PrimarySolutionType,
)
from allyport.accounts.domains import clean_business_email
from allyport.accounts.models import User
from allyport.accounts.services.registration import CompanyDetails, Person
from allyport.core import contributions, languages


class SignInForm(LoginForm):
    """allauth's sign-in form, labelled as the guide labels it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Business email")
        self.fields["password"].label = _("Password")


class StartForm(forms.Form):
    """Names and a business address. Whether the address or its domain is registered is
    not told here: that would let anyone test addresses (the views answer by mail)."""

    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=80)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=80)
    email = forms.CharField(label=gettext_lazy("Business email"), max_length=254)

    def clean_email(self) -> str:
        return clean_business_email(self.cleaned_data["email"])


class StartCompanyForm(StartForm):
    accept_lead = forms.BooleanField(
        label=gettext_lazy(
            "Yes, I am the main point of contact for my company's business relationship "
            "and I agree to become its alliance lead."
        ),
        error_messages={"required": gettext_lazy("Choose Yes to register your company.")},
    )


class StartUserForm(StartForm):
    pass


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=gettext_lazy("Security code"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": gettext_lazy("Enter the 6-digit code from the email.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordFields(forms.Form):
    password1 = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=passwords.HELP_TEXT,
    )
    password2 = forms.CharField(
        label=gettext_lazy("Confirm password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email
        if settings.ALLYPORT_CAPTCHA:
            from allyport.accounts.captcha import captcha_field

            self.fields["captcha"] = captcha_field()

    def with_new_captcha(self) -> Self:
        """The same step again, unbound, with what was typed and a new CAPTCHA challenge.

        Passwords are not sent back to the browser, so they are typed again."""
        data = cast(QueryDict, self.data)
        initial = {
            name: (
                data.getlist(name)
                if isinstance(field, forms.MultipleChoiceField)
                else data.get(name)
            )
            for name, field in self.fields.items()
            if name != "captcha"
        }
        return type(self)(initial=initial, email=self.email)

    def clean_password1(self) -> str:
        password = self.cleaned_data["password1"]
        validate_password(password, User(email=self.email))
        return password

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The passwords do not match."))
        return data


class ContactFields(forms.Form):
    job_title = forms.CharField(label=gettext_lazy("Job title"), max_length=80)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40)

    def person(self, start: dict[str, str]) -> Person:
        data = self.cleaned_data
        return Person(
            email=start["email"],
            password=data["password1"],
            first_name=start["first_name"],
            last_name=start["last_name"],
            job_title=data["job_title"],
            phone=data["phone"],
            # The language the visitor registered in, until they choose on My Profile.
            preferred_language=languages.current(),
        )


def _select_option() -> tuple[str, StrOrPromise]:
    return ("", gettext_lazy("Select…"))


class UserDetailsForm(PasswordFields, ContactFields):
    pass


class CompanyDetailsForm(PasswordFields, ContactFields):
    legal_name = forms.CharField(label=gettext_lazy("Legal company name"), max_length=80)
    primary_solution_type = forms.ChoiceField(
        label=gettext_lazy("Primary offering"),
        choices=PrimarySolutionType.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Decides your partner path registration."),
    )
    website = forms.URLField(
        label=gettext_lazy("Company website"), max_length=256, assume_scheme="https"
    )
    # Each choice list opens with an empty "Select…" option so nothing is preselected.
    country_code = forms.ChoiceField(
        label=gettext_lazy("Country"), choices=lambda: [_select_option(), *countries]
    )
    city = forms.CharField(label=gettext_lazy("City"), max_length=80)
    company_phone = forms.CharField(
        label=gettext_lazy("Company phone"), max_length=40, required=False
    )
    employee_count = forms.ChoiceField(
        label=gettext_lazy("Number of employees"),
        choices=[_select_option(), *EmployeeCount.choices],
    )
    industry_segment = forms.ChoiceField(
        label=gettext_lazy("Industry"), choices=[_select_option(), *INDUSTRY_SEGMENT_CHOICES]
    )
    customer_segments = forms.MultipleChoiceField(
        label=gettext_lazy("Customers you serve"),
        choices=CustomerSegment.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The partner terms, when the program has published some (the "terms.current"
        # slot: fn() -> {version, title, url} or None): the registrant accepts them here.
        current = next(
            (c for ask in contributions.contributed("terms.current") if (c := ask())), None
        )
        self.terms = current
        if current is not None:
            self.fields["accept_terms"] = forms.BooleanField(
                label=gettext_lazy(
                    "I accept the Partner Terms and Conditions on behalf of my company"
                ),
                help_text=format_html(
                    '<a href="{}" target="_blank" rel="noopener">{}</a>',
                    current["url"],
                    gettext_lazy("Read version %(n)s") % {"n": current["version"]},
                ),
            )

    def terms_version(self) -> int | None:
        return int(self.terms["version"]) if self.terms else None

    def company(self) -> CompanyDetails:
        data = self.cleaned_data
        return CompanyDetails(
            legal_name=data["legal_name"],
            primary_solution_type=data["primary_solution_type"],
            website=data["website"],
            country_code=data["country_code"],
            city=data["city"],
            phone=data["company_phone"],
            employee_count=data["employee_count"],
            industry_segment=data["industry_segment"],
            customer_segments=list(data["customer_segments"]),
        )


class AcceptInvitationForm(UserDetailsForm):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=80)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=80)
    field_order = ["first_name", "last_name", "job_title", "phone", "password1", "password2"]


class LockoutContactForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=120)
    email = forms.EmailField(label=gettext_lazy("Business email"))
    message = forms.CharField(
        label=gettext_lazy("How can we help?"), max_length=4000, widget=forms.Textarea
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "phone", "preferred_language", "region"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A choice field, not only a select widget: other values are refused.
        self.fields["preferred_language"] = forms.ChoiceField(
            label=User._meta.get_field("preferred_language").verbose_name,
            choices=settings.LANGUAGES,
        )
        for name in ("first_name", "last_name"):
            self.fields[name].required = True
