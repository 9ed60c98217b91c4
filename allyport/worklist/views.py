"""The Tasks page (a tab per type), task details (its form or link, Submit, Confirm,
Dismiss task) and the Assign task dialog, as pages that work without JavaScript.

Every member opens the Tasks page and sees the tasks assigned to them (the My tasks
menu); the alliance lead and alliance team also see all of the company's tasks, and
the alliance lead changes assignees."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, Target, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page, service_refusals
from allyport.audit import kept
from allyport.core import fragments
from allyport.core.errors import RuleViolation
from allyport.worklist import counts, selectors
from allyport.worklist.forms import DismissForm, TaskForm
from allyport.worklist.models import Task, TaskStatus, TaskType
from allyport.worklist.permissions import ASSIGN_TASKS, VIEW_ALL_TASKS
from allyport.worklist.services import tasks as task_services
from allyport.worklist.services.catalogue import CATALOGUE_GENERATION
from allyport.worklist.table import TaskRows

TYPES = [kind.value for kind in TaskType]


def _may(request: ActorRequest, permission: Any) -> bool:
    return bool(authorize(request.actor, permission, Target(company=request.actor.company)))


def _after(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def tasks_url(task_type: str = "account", **query: str) -> str:
    return reverse("worklist:list") + "?" + urlencode({"type": task_type, **query})


@member_page()
@require_GET
@service_refusals
def task_list(request: ActorRequest) -> HttpResponseBase:
    """Access is decided first (a member who lost the right is refused as before);
    then the page is kept per member and query string (`kept_page`)."""
    task_type = request.GET.get("type", "account")
    task_type = task_type if task_type in TYPES else "account"
    sees_all = _may(request, VIEW_ALL_TASKS)
    scope = request.GET.get("scope") or ("all" if sees_all else "mine")
    if scope == "all" and not sees_all:
        return forbidden(
            request, authorize(request.actor, VIEW_ALL_TASKS, Target(company=request.actor.company))
        )
    return fragments.kept_page(
        request, _kept(request.actor), "worklist/list.html",
        lambda: _list_context(request, task_type, scope, sees_all), by_query=True,
    )  # fmt: skip


def _kept(actor: Actor) -> fragments.Fragment:
    """The Tasks page, kept while nothing it shows moves on: the company's data (every
    audited change: assignees' names, offerings), its tasks (the worklist's generation,
    moved on by every change of them, the system's recomputations included) and the
    catalogue's titles. It is drawn again each re-check period, which re-checks the
    company's tasks (`task_page`)."""
    company_id = actor.company.pk  # type: ignore[union-attr]
    return kept.member_fragment(
        f"worklist:tasks:{selectors.page_period()}",
        actor,
        *selectors.page_versions(company_id),
        fragments.generation_key(*CATALOGUE_GENERATION),
    )


def _list_context(
    request: ActorRequest, task_type: str, scope: str, sees_all: bool
) -> dict[str, Any]:
    counts.start(request.actor.company.pk)  # type: ignore[union-attr]
    can_assign = _may(request, ASSIGN_TASKS)
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()[:100]
    page = selectors.task_page(
        request.actor, task_type, mine=scope == "mine", status=status,
        after=_after(request.GET.get("after", "")), query=query,
    )  # fmt: skip
    return {
        "types": TaskType.choices,
        "type": task_type,
        "scope": scope,
        "sees_all": sees_all,
        "can_assign": can_assign,
        "status": status,
        "statuses": [("open", _("Open")), *TaskStatus.choices],
        "q": query,
        "page": page,
        "rows": TaskRows(can_assign=can_assign, with_offering=task_type == "solution").render(
            page.rows
        ),
    }


def link_of(task: Task) -> str | None:
    """The definition's link: an https address, or a portal page (given the offering's
    id when the page takes one)."""
    link = task.definition.link
    if not link or link.startswith("https://"):
        return link or None
    for args in ([], [task.solution.public_id] if task.solution else None):
        if args is None:
            continue
        try:
            return reverse(link, args=args)
        except NoReverseMatch:
            continue
    return None


def _detail(request: ActorRequest, task: Task, **extra: Any) -> HttpResponse:
    definition = task.definition
    context = {
        "task": task,
        "definition": definition,
        "stage": selectors.offering_stage(task),
        "link": link_of(task),
        "form": extra.pop("form", None) or (TaskForm(definition.form_fields, initial=task.answers)
                                            if definition.form_fields else None),
        "dismiss_form": extra.pop("dismiss_form", None) or DismissForm(),
        "can_confirm": task.is_open and (task.status == TaskStatus.WORK_DONE or not (
            definition.form_fields or definition.done_rule)),
        "type_label": TaskType(task.type).label,
        **extra,
    }  # fmt: skip
    return render(request, "worklist/detail.html", context, status=extra.get("status", 200))


@member_page()
@require_GET
@service_refusals
def task_detail(request: ActorRequest, public_id: str) -> HttpResponseBase:
    return _detail(request, selectors.get_task(request.actor, public_id))


@member_page()
@require_POST
@service_refusals
def task_submit(request: ActorRequest, public_id: str) -> HttpResponseBase:
    task = selectors.get_task(request.actor, public_id)
    form = TaskForm(task.definition.form_fields, request.POST)
    form.full_clean()
    try:
        task_services.submit_task(request.actor, public_id, request.POST)
    except RuleViolation as refused:
        form.show(refused)
        return _detail(request, task, form=form, status=400)
    messages.success(request, _("Your answers are saved. Choose Confirm when the task is done."))
    return redirect("worklist:detail", public_id)


@member_page()
@require_POST
@service_refusals
def task_confirm(request: ActorRequest, public_id: str) -> HttpResponseBase:
    task = selectors.get_task(request.actor, public_id)
    try:
        task_services.confirm_task(request.actor, public_id)
    except RuleViolation as refused:
        return _detail(request, task, refusal=refused.errors[0].message, status=400)
    messages.success(request, _("The task is completed."))
    return redirect("worklist:detail", public_id)


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def task_dismiss(request: ActorRequest, public_id: str) -> HttpResponseBase:
    """The Dismiss task dialog, as its own page (the detail page opens it in place)."""
    task = selectors.get_task(request.actor, public_id)
    form = DismissForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task_services.dismiss_task(request.actor, public_id, form.cleaned_data["reason"])
        except RuleViolation as refused:
            form.add_error("reason", refused.errors[0].message)
        else:
            messages.success(request, _("The task went back to your alliance lead."))
            return redirect(tasks_url(task.type, scope="mine"))
    status = 400 if form.errors else 200
    return render(request, "worklist/dismiss.html", {"task": task, "form": form}, status=status)


def _assign_context(request: ActorRequest, ids: list[str], name: str) -> dict[str, Any]:
    return {
        "selected": selectors.selected_tasks(request.actor, ids),
        "users": selectors.assignable_users(request.actor, name),
        "q": name,
    }


@member_page()
@require_http_methods(["GET", "POST"])
@service_refusals
def assign(request: ActorRequest) -> HttpResponseBase:
    """The Assign task dialog: the selected tasks, users searched by name, Confirm."""
    if not _may(request, ASSIGN_TASKS):
        raise PermissionDenied(
            authorize(request.actor, ASSIGN_TASKS, Target(company=request.actor.company))
        )
    data = request.POST if request.method == "POST" else request.GET
    ids = data.getlist("task")
    context = _assign_context(request, ids, data.get("q", "").strip()[:80])
    if request.method == "POST":
        try:
            done = task_services.assign_tasks(request.actor, ids, data.get("assignee", ""))
        except RuleViolation as refused:
            context["errors"] = [error.message for error in refused.errors]
        else:
            messages.success(request, _("%(n)d tasks assigned.") % {"n": len(done)})
            return redirect(tasks_url(done[0].type, scope="all"))
    status = 400 if context.get("errors") else 200
    return render(request, "worklist/assign.html", context, status=status)
