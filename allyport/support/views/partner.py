"""Support > Contact Support: the Partner Support page, Create case, a case's page
(correspondence, Reply, close and reopen) and its files."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.audit import kept
from allyport.core import fragments
from allyport.core.errors import ChangeRefused, RuleViolation
from allyport.support import selectors, services
from allyport.support.forms import CaseForm, ReplyForm, show_refusals
from allyport.support.models import SupportCase
from allyport.support.views import table
from allyport.support.views.files import download


@member_page()
@require_GET
def home(request: ActorRequest) -> HttpResponse:
    """Kept per member and query string (the pages of each list): valid while the
    company's generation holds (every change of a case is audited with its company,
    staff's replies and resolutions included) and the published articles are the same."""
    actor = request.actor
    fragment = kept.member_fragment(
        "support:home", actor, fragments.generation_key(*selectors.ARTICLES_GENERATION)
    )
    return fragments.kept_page(
        request, fragment, "support/home.html", lambda: _home_context(request), by_query=True
    )


def _home_context(request: ActorRequest) -> dict[str, Any]:
    actor = request.actor
    open_page = selectors.case_page(actor, active=True, before=request.GET.get("open_before"))
    previous = selectors.case_page(actor, active=False, before=request.GET.get("before"))
    return {
        "open_page": open_page,
        "previous": previous,
        "articles": selectors.article_links(),
        "sees_all": selectors.sees_all_cases(actor),
        **table.both_tables(open_page.cases, previous.cases, reverse("support:home") + "cases/"),
    }


INITIAL = {"subject": 255, "description": 4000}


def _new_case(form: CaseForm) -> services.NewCase:
    data = form.data
    return services.NewCase(
        **{name: str(data.get(name, "")) for name in services.NewCase.__dataclass_fields__}
    )


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def create(request: ActorRequest) -> HttpResponse:
    # `?subject=&description=` fill the form in (the AWS Partner Assistant's offer to open
    # a case with the question it could not answer).
    initial = {name: request.GET.get(name, "")[:limit] for name, limit in INITIAL.items()}
    form = CaseForm(request.POST or None, request.FILES or None, initial=initial)
    refresh = "refresh" in request.POST
    if request.method == "POST" and form.is_valid() and not refresh:
        try:
            case = services.create_case(
                request.actor, _new_case(form), form.cleaned_data["attachments"]
            )
        except RuleViolation as refused:
            show_refusals(form, refused)
        else:
            messages.success(request, _("Your case %(id)s is open.") % {"id": case.case_id})
            return redirect("support:case", case_id=case.case_id)
    subject = str(form.data.get("subject", "")) if form.is_bound else initial["subject"]
    context = {
        "form": form,
        "suggestions": selectors.suggest_articles(subject),
        "max_files": settings.ALLYPORT_SUPPORT_MAX_FILES,
        "max_mb": f"{settings.ALLYPORT_SUPPORT_MAX_FILE_BYTES / (1024 * 1024):g}",
    }
    return render(request, "support/create.html", context)


@member_page()
@require_GET
def topic_fields(request: ActorRequest) -> HttpResponse:
    """The three dependent lists, re-rendered for the chosen Type of Case (htmx)."""
    form = CaseForm(request.GET)
    return render(request, "support/_topic_fields.html", {"form": form})


@member_page()
@require_GET
def suggestions(request: ActorRequest) -> HttpResponse:
    """Articles matching the subject being typed (htmx)."""
    found = selectors.suggest_articles(request.GET.get("subject", "")[:255])
    return render(request, "support/_suggestions.html", {"suggestions": found})


def _case_page(request: ActorRequest, case: SupportCase, form: ReplyForm) -> HttpResponse:
    context = {
        "case": case,
        "thread": selectors.thread(case, staff=False),
        "trail": selectors.audit_trail(case, staff=False),
        "form": form,
    }
    return render(request, "support/case.html", context)


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def case_detail(request: ActorRequest, case_id: str) -> HttpResponse:
    case = selectors.find_case(request.actor, case_id)
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_message(
                request.actor, case, form.cleaned_data["body"], form.cleaned_data["attachments"]
            )
        except RuleViolation as refused:
            show_refusals(form, refused)
        except ChangeRefused as refused:
            form.add_error("body", refused.reason)
        else:
            messages.success(request, _("Your reply was sent."))
            return redirect("support:case", case_id=case.case_id)
    return _case_page(request, case, form)


@member_page()
@require_POST
@service_refusals
def resolve(request: ActorRequest, case_id: str) -> HttpResponse:
    case = selectors.find_case(request.actor, case_id)
    services.resolve_case(request.actor, case)
    messages.success(request, _("The case is resolved."))
    return redirect("support:case", case_id=case.case_id)


@member_page()
@require_POST
@service_refusals
def reopen(request: ActorRequest, case_id: str) -> HttpResponse:
    case = selectors.find_case(request.actor, case_id)
    try:
        services.reopen_case(request.actor, case)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The case is open again."))
    return redirect("support:case", case_id=case.case_id)


@member_page()
@require_GET
@service_refusals
def attachment(request: ActorRequest, file_id: str) -> HttpResponseBase:
    return download(request.actor, file_id)
