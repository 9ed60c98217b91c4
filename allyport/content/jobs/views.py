"""My Company > Job Board: post jobs, list them, close one; and the public pages of
open postings (no sign-in)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.content.jobs import selectors, services
from allyport.content.jobs.forms import JobPostingForm
from allyport.content.permissions import JOB_BOARD
from allyport.content.shared.forms import also_check, show_refusal
from allyport.core.errors import ChangeRefused, RuleViolation


@member_page(JOB_BOARD)
@require_GET
def job_list(request: ActorRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    context = {
        "postings": selectors.postings(request.actor, status),
        "status": status,
        "company": request.actor.company,
    }
    return render(request, "content/jobs/list.html", context)


@member_page(JOB_BOARD)
@require_http_methods(["GET", "POST"])
@service_refusals
def job_new(request: ActorRequest) -> HttpResponse:
    form = JobPostingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.create_job_posting(request.actor, form.cleaned_data)
        except RuleViolation as refused:
            show_refusal(form, refused)
        else:
            messages.success(
                request, _("The job “%(title)s” is posted.") % {"title": posting.title}
            )
            return redirect("content:jobs")
    elif request.method == "POST":
        also_check(form, lambda given: services.clean(given))
    return render(request, "content/jobs/form.html", {"form": form})


@member_page(JOB_BOARD)
@require_POST
@service_refusals
def job_close(request: ActorRequest, public_id: str) -> HttpResponse:
    try:
        posting = services.close_job_posting(request.actor, public_id)
    except ChangeRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, _("The job “%(title)s” is closed.") % {"title": posting.title})
    return redirect("content:jobs")


@require_GET
def public_job(request: ActorRequest, public_id: str) -> HttpResponse:
    posting = selectors.public_posting(public_id)
    if posting is None:
        raise Http404
    return render(request, "content/jobs/public_job.html", {"posting": posting})


@require_GET
def public_company_jobs(request: ActorRequest, company_id: str) -> HttpResponse:
    postings = list(selectors.public_postings_of(company_id))
    if not postings:
        raise Http404
    context = {"postings": postings, "company": postings[0].company}
    return render(request, "content/jobs/public_list.html", context)
