"""Market > Marketing Toolkit: brand and messaging guidelines, downloadable assets."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.content.market.models import ToolkitItem, ToolkitKind
from allyport.content.permissions import TOOLKIT
from allyport.content.shared.downloads import download_response


@member_page(TOOLKIT)
@require_GET
def toolkit(request: ActorRequest) -> HttpResponse:
    items = list(ToolkitItem.objects.filter(is_published=True).select_related("file"))
    sections = [
        (label, [i for i in items if i.kind == kind]) for kind, label in ToolkitKind.choices
    ]
    return render(request, "content/market/toolkit.html", {"sections": sections})


@member_page(TOOLKIT)
@require_GET
def toolkit_file(request: ActorRequest, public_id: str) -> HttpResponse:
    item = (
        ToolkitItem.objects.filter(is_published=True, public_id=public_id)
        .select_related("file")
        .first()
    )
    if item is None or item.file is None:
        raise Http404
    return download_response(item.file)
