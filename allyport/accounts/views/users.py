"""My Company > User Management: the Users and Partner Central roles tabs."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import authorize
from allyport.access.grants import grantable_roles
from allyport.access.model import access_model
from allyport.access.views import forbidden, member_page
from allyport.accounts import selectors
from allyport.accounts.services.invitations import InviteRow, invite_users, row_problems

MAX_ROWS = 20
USER_MANAGEMENT = "My Company/User Management"


class InviteRowForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"))
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, role_choices, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = role_choices


InviteFormSet = forms.formset_factory(InviteRowForm, extra=0, min_num=1, max_num=MAX_ROWS)


@member_page(USER_MANAGEMENT)
def users_tab(request: HttpRequest) -> HttpResponse:
    users = selectors.company_users(request.actor)
    return render(request, "accounts/users/users_tab.html", {"users": users, "tab": "users"})


@member_page(USER_MANAGEMENT)
def roles_tab(request: HttpRequest) -> HttpResponse:
    context = {
        "tab": "roles",
        "invitations": selectors.pending_invitations(request.actor),
        "can_invite": bool(authorize(request.actor, "invite_users")),
    }
    return render(request, "accounts/users/roles_tab.html", context)


def _role_choices(request: HttpRequest) -> list[tuple[str, str]]:
    allowed = grantable_roles(request.actor)
    return [(r.key, r.name) for r in access_model().roles.values() if r.key in allowed]


@member_page(USER_MANAGEMENT)
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    decision = authorize(request.actor, "invite_users")
    if not decision:
        return forbidden(request, decision)
    kwargs = {"role_choices": _role_choices(request)}
    formset = InviteFormSet(request.POST or None, form_kwargs=kwargs, prefix="invite")
    if request.method == "POST" and request.POST.get("action") == "add":
        return _with_extra_row(request, formset, kwargs)
    if request.method == "POST" and _valid(request, formset):
        rows = [
            InviteRow(f.cleaned_data["email"].lower(), f.cleaned_data["roles"]) for f in formset
        ]
        invite_users(request.actor, rows)
        messages.success(
            request,
            ngettext("%(n)d invitation sent.", "%(n)d invitations sent.", len(rows))
            % {"n": len(rows)},
        )
        return redirect("users:roles")
    return render(request, "accounts/users/invite.html", {"formset": formset, "tab": "roles"})


def _valid(request: HttpRequest, formset: forms.BaseFormSet) -> bool:
    """Check every row (shape, domain, grantable roles, duplicates); all errors at once."""
    if not formset.is_valid():
        return False
    seen: set[str] = set()
    ok = True
    for form in formset:
        email = form.cleaned_data["email"].lower()
        problems = row_problems(request.actor, InviteRow(email, form.cleaned_data["roles"]))
        if email in seen:
            problems["email"] = _("This address is already in another row.")
        seen.add(email)
        for field, message in problems.items():
            form.add_error(field, message)
            ok = False
    return ok


def _with_extra_row(request: HttpRequest, formset: forms.BaseFormSet, kwargs: dict) -> HttpResponse:
    data = request.POST.copy()
    total = int(data.get("invite-TOTAL_FORMS", "1") or 1)
    data["invite-TOTAL_FORMS"] = str(min(total + 1, MAX_ROWS))
    formset = InviteFormSet(data, form_kwargs=kwargs, prefix="invite")
    context = {"formset": formset, "tab": "roles", "fresh": True}
    return render(request, "accounts/users/invite.html", context)
