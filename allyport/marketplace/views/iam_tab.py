"""User Management's IAM roles tab (alliance lead or alliance team): each user's
mapped IAM role, with Map role / Unmap role for one or several users."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.accounts.views.users.common import USER_MANAGEMENT, permission_denied_as_403
from allyport.marketplace import selectors
from allyport.marketplace.services.common import open_unlink_request
from allyport.marketplace.views.manage import map_form_view, unmap_form_view


def _refused(request: ActorRequest) -> HttpResponse | None:
    # The tab is for the alliance lead and alliance team (the guide); a cloud
    # admin, who also sees User Management, maps from Manage linked account.
    decision = authorize(request.actor, "map_iam_roles_in_user_management")
    return None if decision else forbidden(request, decision)


@member_page(USER_MANAGEMENT)
@require_GET
def iam_roles_tab(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = selectors.company_link(request.actor)
    context = {
        "tab": "iam",
        "link": link,
        "rows": selectors.mapping_rows(link) if link else [],
        "unlinking": open_unlink_request(link.company) if link else None,
    }
    return render(request, "marketplace/iam_roles_tab.html", context)


@member_page(USER_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def iam_tab_map(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = selectors.company_link(request.actor)
    if link is None:
        return redirect("users:iam_roles")
    return map_form_view(request, link, "marketplace/iam_tab_map.html", "users:iam_roles")


@member_page(USER_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@permission_denied_as_403
def iam_tab_unmap(request: ActorRequest) -> HttpResponse:
    if refusal := _refused(request):
        return refusal
    link = selectors.company_link(request.actor)
    if link is None:
        return redirect("users:iam_roles")
    return unmap_form_view(request, link, "marketplace/iam_tab_map.html", "users:iam_roles")
