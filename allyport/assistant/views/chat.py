"""The chat, as a floating panel on every signed-in page and as a full page
(Support > Instant chat with AWS Partner Assistant): ask, start over, and the
answers' thumbs up and down. Each change is one htmx request answered with the
fragment that changed; without JavaScript the same forms post and redirect."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import reswap, retarget

from allyport.access.decisions import PermissionDenied
from allyport.access.middleware import ActorRequest
from allyport.access.refusals import refused_change
from allyport.access.views import member_page, service_refusals
from allyport.assistant import selectors
from allyport.assistant.models import Exchange, Vote
from allyport.assistant.services import conversations, feedback
from allyport.assistant.services.gate import Gate, gate, refusal
from allyport.assistant.services.quota import TooManyQuestions
from allyport.core.errors import RuleViolation
from allyport.helpcentre.services.answers import SUGGESTED_PROMPTS

PLACES = ("panel", "page")


def is_htmx(request: HttpRequest) -> bool:
    """An htmx request (django-htmx's `request.htmx`, read without its type stubs)."""
    return bool(getattr(request, "htmx", False))


def _place(request: ActorRequest) -> str:
    place = request.POST.get("place") or request.GET.get("place") or "page"
    return place if place in PLACES else "page"


def _back(request: ActorRequest, anchor: str = "") -> HttpResponse:
    """Without htmx: back to the page the form was on (this site only), else the chat."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("assistant:chat")
    return redirect(target + anchor)


def chat_context(request: ActorRequest, place: str, **extra: Any) -> dict[str, Any]:
    actor = request.actor
    found = gate(actor)
    context: dict[str, Any] = {
        "place": place,
        "gate": str(found),
        "reason": refusal(found) if found != Gate.OPEN else "",
        "may_manage": "alliance_lead" in actor.roles,
        "next": request.get_full_path(),
        **extra,
    }
    if found == Gate.OPEN:
        context["exchanges"] = selectors.exchanges(conversations.current(actor))
        context["prompts"] = [str(prompt) for prompt in SUGGESTED_PROMPTS]
    return context


@member_page()
@require_GET
def chat_page(request: ActorRequest) -> HttpResponse:
    """Support > Instant chat with AWS Partner Assistant; `?q=` fills in the question
    (Ask AWS Partner Assistant on the Create case form passes the subject)."""
    question = request.GET.get("q", "")[: conversations.MAX_QUESTION]
    return render(request, "assistant/chat.html", chat_context(request, "page", question=question))


@member_page()
@require_GET
def panel(request: ActorRequest) -> HttpResponse:
    """The floating panel's body: the current conversation, re-rendered on any page."""
    context = chat_context(request, "panel")
    context["next"] = request.GET.get("next", "")
    return render(request, "assistant/_chat.html", context)


def _question_error(request: ActorRequest, place: str, refused: RuleViolation) -> HttpResponse:
    messages = [error.message for error in refused.errors]
    if is_htmx(request):
        response = render(request, "assistant/_error.html", {"messages": messages})
        return reswap(retarget(response, f"#assistant-error-{place}"), "innerHTML")
    context = chat_context(request, "page", question=request.POST.get("question", ""))
    context["question_errors"] = messages
    status = 429 if isinstance(refused, TooManyQuestions) else 400
    return render(request, "assistant/chat.html", context, status=status)


def _closed_meanwhile(
    request: ActorRequest, place: str, refused: PermissionDenied
) -> HttpResponse | None:
    """The chat as it is now when the gate closed since the chat was shown (the company
    turned the assistant off, or the account link went): the real reason, and for the
    alliance lead the settings link, in place of the chat. None for any other refusal."""
    if gate(request.actor) not in (Gate.OFF, Gate.NOT_LINKED):
        return None
    refused_change(request, refused.decision.reason)
    context = chat_context(request, place)
    if is_htmx(request):
        context["next"] = request.POST.get("next", "")
        response = render(request, "assistant/_chat.html", context)
        return reswap(retarget(response, f"#assistant-chat-{place}"), "outerHTML")
    return render(request, "assistant/chat.html", context, status=403)


@member_page()
@require_POST
@service_refusals
def ask(request: ActorRequest) -> HttpResponseBase:
    place = _place(request)
    try:
        exchange = conversations.ask(request.actor, request.POST.get("question", ""))
    except RuleViolation as refused:
        return _question_error(request, place, refused)
    except PermissionDenied as refused:
        closed = _closed_meanwhile(request, place, refused)
        if closed is None:
            raise
        return closed
    if is_htmx(request):
        return render(request, "assistant/_asked.html", {"exchange": exchange, "place": place})
    return _back(request, f"#exchange-{exchange.pk}")


@member_page()
@require_POST
@service_refusals
def start_over(request: ActorRequest) -> HttpResponseBase:
    try:
        conversations.start_over(request.actor)
    except PermissionDenied as refused:
        closed = _closed_meanwhile(request, _place(request), refused)
        if closed is None:
            raise
        return closed
    if is_htmx(request):
        context = chat_context(request, _place(request))
        context["next"] = request.POST.get("next", "")
        return render(request, "assistant/_chat.html", context)
    return _back(request)


def _vote_fragment(request: ActorRequest, exchange: Exchange, **extra: Any) -> HttpResponse:
    context = {"exchange": exchange, "reasons": Vote.REASONS, **extra}
    return render(request, "assistant/_vote.html", context)


@member_page()
@require_POST
@service_refusals
def vote(request: ActorRequest, exchange_id: int) -> HttpResponseBase:
    helpful = request.POST.get("helpful") == "yes"
    feedback.vote(request.actor, exchange_id, helpful)
    exchange = selectors.find_exchange(request.actor, exchange_id)
    if is_htmx(request):
        return _vote_fragment(request, exchange, just_voted=True)
    return _back(request, f"#exchange-{exchange.pk}")


@member_page()
@require_POST
@service_refusals
def explain(request: ActorRequest, exchange_id: int) -> HttpResponseBase:
    """The thumbs down's details: a reason from the picklist and a comment."""
    try:
        feedback.explain_vote(
            request.actor,
            exchange_id,
            request.POST.get("reason", ""),
            request.POST.get("comment", ""),
        )
    except RuleViolation as refused:
        exchange = selectors.find_exchange(request.actor, exchange_id)
        errors = {error.field: error.message for error in refused.errors}
        if is_htmx(request):
            return _vote_fragment(request, exchange, errors=errors, posted=request.POST)
        context = chat_context(request, "page", vote_errors={exchange.pk: errors})
        return render(request, "assistant/chat.html", context, status=400)
    exchange = selectors.find_exchange(request.actor, exchange_id)
    if is_htmx(request):
        return _vote_fragment(request, exchange, just_voted=True)
    return _back(request, f"#exchange-{exchange.pk}")
