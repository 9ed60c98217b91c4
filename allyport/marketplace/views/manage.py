"""Manage linked account: the link, its roles, user mappings (Map to IAM role,
Map role, Unmap role), the IAM role for CRM integration, and Unlink account."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.accounts.views.users.common import permission_denied_as_403
from allyport.cloud.principals import policies_of
from allyport.core.errors import ChangeRefused
from allyport.marketplace import selectors
from allyport.marketplace.forms import CrmRoleForm, MapForm, UnlinkForm, UnmapForm
from allyport.marketplace.services import mapping, unlinking
from allyport.marketplace.services.common import open_unlink_request


def _refused(
    request: ActorRequest, action: str = "link_marketplace_account"
) -> HttpResponse | None:
    decision = authorize(request.actor, action)
    return None if decision else forbidden(request, decision)


def _link_or_404(request: ActorRequest):  # type: ignore[no-untyped-def]
    link = selectors.company_link(request.actor)
    if link is None:
        raise Http404
    return link


@member_page()
@require_GET
def linked_account(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = _link_or_404(request)
    # Each role with the names of its policies (managed ones are listed by ARN).
    roles = [
        (role, [name.rsplit("/", 1)[-1] for name, _policy in policies_of(role)])
        for role in (link.cloud_admin_role, link.alliance_role, link.ace_role)
    ]
    rows = selectors.mapping_rows(link)
    context = {
        "link": link,
        "roles": roles,
        "cloud_admin_rows": [row for row in rows if row.is_cloud_admin],
        "other_rows": [row for row in rows if not row.is_cloud_admin],
        "crm_role": selectors.crm_role(link),
        "mappable": mapping.mappable_roles(link),
        "unlinking": open_unlink_request(link.company),
        "can_map_crm": bool(authorize(request.actor, "map_crm_integration_role")),
        "can_unlink": bool(authorize(request.actor, "unlink_marketplace_account")),
        "can_view_events": bool(authorize(request.actor, "view_event_history")),
    }
    return render(request, "marketplace/linked_account.html", context)


def _user_choices(link, cloud_admins: bool | None = None) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = selectors.mapping_rows(link)
    return [
        (r.user.public_id, r.label)
        for r in rows
        if cloud_admins is None or r.is_cloud_admin == cloud_admins
    ]


def report(request: ActorRequest, results: list[mapping.MappingResult]) -> None:
    """One message with the counts, and the reason of each failure."""
    ok = sum(1 for r in results if r.ok)
    failed = [r for r in results if not r.ok]
    text = _("%(ok)d succeeded, %(failed)d failed.") % {"ok": ok, "failed": len(failed)}
    (messages.success if not failed else messages.warning)(request, text)
    for result in failed:
        messages.error(
            request,
            _("%(item)s: %(reason)s")
            % {"item": result.email or result.user_id, "reason": result.reason},
        )


def map_form_view(request: ActorRequest, link, template: str, back: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    """Map to IAM role (shared by Manage linked account and the IAM roles tab)."""
    form = MapForm(
        request.POST or None,
        users=_user_choices(link),
        roles=mapping.mappable_roles(link),
        initial={"users": request.GET.getlist("user")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            results = mapping.map_users(
                request.actor, form.cleaned_data["users"], form.cleaned_data["role"]
            )
        except ChangeRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        else:
            report(request, results)
            return redirect(back)
    return render(request, template, {"form": form, "link": link, "back": back})


def unmap_form_view(request: ActorRequest, link, template: str, back: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    form = UnmapForm(
        request.POST or None,
        users=_user_choices(link),
        initial={"users": request.GET.getlist("user")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            results = mapping.unmap_users(request.actor, form.cleaned_data["users"])
        except ChangeRefused as refused:
            form.add_error(None, refused.reason)
        else:
            report(request, results)
            return redirect(back)
    return render(request, template, {"form": form, "link": link, "back": back, "unmap": True})


@member_page()
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def map_role(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = _link_or_404(request)
    return map_form_view(request, link, "marketplace/map_role.html", "marketplace:linked_account")


@member_page()
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def unmap_role(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = _link_or_404(request)
    return unmap_form_view(request, link, "marketplace/map_role.html", "marketplace:linked_account")


@member_page()
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def crm_role(request: ActorRequest) -> HttpResponse:
    """IAM role for CRM integration: Map IAM role (GET/POST) and Unmap IAM role (POST unmap)."""
    if refusal := _refused(request, "map_crm_integration_role"):
        return refusal
    link = _link_or_404(request)
    form = CrmRoleForm(request.POST or None, roles=mapping.mappable_roles(link))
    if request.method == "POST":
        unmap = "unmap" in request.POST
        if unmap or form.is_valid():
            try:
                mapping.map_crm_role(request.actor, None if unmap else form.cleaned_data["role"])
            except ChangeRefused as refused:
                form.add_error("role" if refused.field == "role" else None, refused.reason)
            else:
                messages.success(
                    request,
                    _("The IAM role for CRM integration is unmapped.")
                    if unmap
                    else _("The IAM role for CRM integration is mapped."),
                )
                return redirect("marketplace:linked_account")
    return render(request, "marketplace/crm_role.html", {"form": form, "link": link})


@member_page()
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def unlink(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request, "unlink_marketplace_account"):
        return refusal
    link = _link_or_404(request)
    form = UnlinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unlink_request = unlinking.request_unlink(
                request.actor, form.cleaned_data["reason"], form.cleaned_data["confirm"]
            )
        except ChangeRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        else:
            messages.success(
                request,
                _("Your unlinking request is open as support case %(case)s.")
                % {"case": unlink_request.case.case_id},
            )
            return redirect("marketplace:linked_account")
    return render(request, "marketplace/unlink.html", {"form": form, "link": link})
