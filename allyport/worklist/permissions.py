"""Who may do what with tasks, declared once for every kind of caller. Tasks have no
API operations, so IAM principals may do none of it; staff act in the admin and the
system recomputes recommendations (sweeps, reads, pipeline changes)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from allyport.access.decisions import Permission

_NO_API = _("Tasks are not part of the Partner Central APIs.")

# Lead and team see every task of the company and its summary.
VIEW_ALL_TASKS = Permission(member="view_task_summary", staff=True, system=True, refusal=_NO_API)
# Every role may work on (and dismiss) the tasks assigned to it: the access model's
# dismiss_task right is "all"; whose task it is, is checked by the services.
WORK_ON_TASK = Permission(member="dismiss_task", staff=True, refusal=_NO_API)
DISMISS_TASK = Permission(member="dismiss_task", staff=True, refusal=_NO_API)
# Only the alliance lead assigns tasks.
ASSIGN_TASKS = Permission(member="assign_tasks", staff=True, refusal=_NO_API)
# Recomputing recommendations and growth stages: the system's work (or an operator's).
REFRESH_TASKS = Permission(staff=True, system=True, refusal=_NO_API)
# The catalogue is kept by staff.
EDIT_CATALOGUE = Permission(staff=True, refusal=_("Only staff edit the task catalogue."))
