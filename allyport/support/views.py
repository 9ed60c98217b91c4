"""A support case's page: its messages, Add message, and Resolve case."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.core.errors import ChangeRefused
from allyport.support import services
from allyport.support.models import SupportCase


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Message"), max_length=services.MAX_BODY, widget=forms.Textarea
    )


def _case_or_404(request: ActorRequest, case_id: str) -> SupportCase:
    """Cases of the actor's company only: another company's case is not found."""
    case = SupportCase.objects.filter(company=request.actor.company, case_id=case_id).first()
    if case is None:
        raise Http404
    return case


@member_page()
@require_http_methods(["GET", "POST"])
def case_detail(request: ActorRequest, case_id: str) -> HttpResponse:
    case = _case_or_404(request, case_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_message(request.actor, case, form.cleaned_data["body"])
        except ChangeRefused as refused:
            form.add_error("body", refused.reason)
        else:
            return redirect("support:case", case_id=case.case_id)
    thread = case.messages.select_related("author")
    return render(request, "support/case.html", {"case": case, "thread": thread, "form": form})


@member_page()
@require_POST
def resolve(request: ActorRequest, case_id: str) -> HttpResponse:
    case = _case_or_404(request, case_id)
    services.resolve_case(request.actor, case)
    messages.success(request, _("The case is resolved."))
    return redirect("support:case", case_id=case.case_id)
