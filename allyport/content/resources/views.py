"""Resources: Navigate (enablement tracks with progress), Documents, Videos (with
captions), FAQs and View all (one search over every kind), and the files' downloads."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.permissions import DOCUMENTS, FAQS, NAVIGATE, VIDEOS, VIEW_ALL
from allyport.content.resources import selectors, services
from allyport.content.resources.models import Resource, ResourceKind
from allyport.content.shared.downloads import download_response
from allyport.content.shared.pages import page_of, words


@member_page(NAVIGATE)
@require_GET
def navigate(request: ActorRequest) -> HttpResponse:
    tracks = selectors.tracks_with_progress(request.actor)
    return render(request, "content/resources/navigate.html", {"tracks": tracks})


@member_page(NAVIGATE)
@require_POST
@service_refusals
def track_progress(request: ActorRequest, track_id: str, position: int) -> HttpResponse:
    done = request.POST.get("done") == "1"
    services.set_track_item_done(request.actor, track_id, position, done)
    return redirect(reverse("content:navigate") + f"#track-{track_id}")


def _kind_page(request: ActorRequest, kind: str, template: str) -> HttpResponse:
    query = words(request)
    found = selectors.search(query, kind).select_related("captions")
    return render(request, template, {"page": page_of(request, found), "q": query})


@member_page(DOCUMENTS)
@require_GET
def documents(request: ActorRequest) -> HttpResponse:
    return _kind_page(request, ResourceKind.DOCUMENT, "content/resources/documents.html")


@member_page(VIDEOS)
@require_GET
def videos(request: ActorRequest) -> HttpResponse:
    return _kind_page(request, ResourceKind.VIDEO, "content/resources/videos.html")


@member_page(FAQS)
@require_GET
def faqs(request: ActorRequest) -> HttpResponse:
    return _kind_page(request, ResourceKind.FAQ, "content/resources/faqs.html")


@member_page(VIEW_ALL)
@require_GET
def view_all(request: ActorRequest) -> HttpResponse:
    query = words(request)
    kind = request.GET.get("kind", "")
    kind = kind if kind in ResourceKind.values or kind == "track" else ""
    resources = [] if kind == "track" else selectors.search(query, kind)[:100]
    tracks = selectors.search_tracks(query)[:20] if kind in ("", "track") else []
    context = {
        "resources": resources, "tracks": tracks, "q": query, "kind": kind,
        "kinds": ResourceKind.choices,
    }  # fmt: skip
    return render(request, "content/resources/view_all.html", context)


def _resource(public_id: str) -> Resource:
    found = selectors.resource(public_id)
    if found is None:
        raise Http404
    return found


@member_page(VIEW_ALL)
@require_GET
def resource_file(request: ActorRequest, public_id: str) -> HttpResponse:
    found = _resource(public_id)
    if found.file is None:
        raise Http404
    return download_response(found.file, inline=found.kind == ResourceKind.VIDEO)


@member_page(VIDEOS)
@require_GET
def resource_captions(request: ActorRequest, public_id: str) -> HttpResponse:
    found = _resource(public_id)
    if found.captions is None:
        raise Http404
    return download_response(found.captions, inline=True)
