"""Staff's support pages (/staff/support/): the queue by status, type and age with
assignment, and a case with its internal notes, replies, assignment and audit
trail. Signed in as Django staff; acting as the staff actor, as the admin does."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.middleware import staff_actor
from allyport.accounts.models import User
from allyport.core.errors import ChangeRefused, NotFound, RuleViolation
from allyport.support import selectors, services
from allyport.support.forms import NoteForm, ReplyForm, show_refusals
from allyport.support.models import SupportCase
from allyport.support.views.files import download


def _staff_members() -> list[User]:
    return list(User.objects.filter(is_staff=True, is_active=True).order_by("email"))


@staff_member_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    filters = {key: request.GET.get(key, "") for key in ("status", "kind", "age", "assignee")}
    mine = request.user if filters["assignee"] == "me" else None
    cases = selectors.queue(**filters, mine=mine)
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "statuses": SupportCase.STATUSES,
        "kinds": SupportCase.KINDS,
        "now": timezone.now(),
    }
    return render(request, "support/staff/queue.html", context)


def _case(request: HttpRequest, case_id: str) -> SupportCase:
    try:
        return selectors.find_case(staff_actor(request), case_id)
    except NotFound:
        raise Http404 from None


def _act(request: HttpRequest, case: SupportCase, reply: ReplyForm, note: NoteForm) -> bool:
    """One action of the case page's forms; True when done."""
    actor = staff_actor(request)
    action = request.POST.get("action")
    if action == "reply" and reply.is_valid():
        data = reply.cleaned_data
        services.add_message(actor, case, data["body"], data["attachments"])
    elif action == "note" and note.is_valid():
        services.add_note(actor, case, note.cleaned_data["body"])
    elif action == "assign":
        chosen = request.POST.get("assignee", "")
        pk = selectors.as_id(chosen)
        assignee = User.objects.filter(pk=pk).first() if pk is not None else None
        if chosen and assignee is None:
            raise ChangeRefused(_("Choose a staff member."), "assignee")
        services.assign_case(actor, case, assignee)
    elif action == "resolve":
        services.resolve_case(actor, case)
    elif action == "reopen":
        services.reopen_case(actor, case)
    else:
        return False
    return True


@staff_member_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, case_id: str) -> HttpResponse:
    case = _case(request, case_id)
    posted = request.method == "POST"
    action = request.POST.get("action") if posted else None
    reply = ReplyForm(request.POST if action == "reply" else None, request.FILES or None)
    note = NoteForm(request.POST if action == "note" else None)
    if posted:
        try:
            if _act(request, case, reply, note):
                messages.success(request, _("Done."))
                return redirect("support_staff:case", case_id=case.case_id)
        except RuleViolation as refused:
            show_refusals(reply, refused)
        except ChangeRefused as refused:
            form = {"note": note, "reply": reply}.get(action or "")
            if form is None or not form.is_bound:
                messages.error(request, refused.reason)
                return redirect("support_staff:case", case_id=case.case_id)
            form.add_error("body" if refused.field == "body" else None, refused.reason)
    context = {
        "case": case,
        "thread": selectors.thread(case, staff=True),
        "trail": selectors.audit_trail(case, staff=True),
        "reply": reply,
        "note": note,
        "staff": _staff_members(),
        "now": timezone.now(),
    }
    return render(request, "support/staff/case.html", context)


@staff_member_required
@require_GET
def attachment(request: HttpRequest, file_id: str) -> HttpResponseBase:
    return download(staff_actor(request), file_id)
