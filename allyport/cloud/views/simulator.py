"""The policy simulator: one request against a user's or role's policies, with
the decision, the statements behind it and the context keys it lacked (as IAM's
SimulatePrincipalPolicy answers EvalDecision, MatchedStatements and
MissingContextValues).

Running it needs `iam:SimulatePrincipalPolicy` on the chosen principal, asked
of the signed-in user's own policies.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import Decision, PermissionDenied
from allyport.cloud import selectors
from allyport.cloud.forms import SimulatorForm
from allyport.cloud.models import IamRole, IamUser
from allyport.cloud.policy import Result
from allyport.cloud.principals import IamPrincipal
from allyport.cloud.views.common import Console, cloud_console, page

SIMULATE = "iam:SimulatePrincipalPolicy"
DECISIONS = {
    "allowed": gettext_lazy("Allowed"),
    "explicitDeny": gettext_lazy("Explicitly denied"),
    "implicitDeny": gettext_lazy("Implicitly denied"),
}


def _choices(console: Console) -> list[tuple[str, str]]:
    def label(identity: IamUser | IamRole) -> str:
        kind = _("user") if isinstance(identity, IamUser) else _("role")
        return f"{identity.name} ({kind})"

    return [(identity.arn, label(identity)) for identity in selectors.principals(console.account)]


def _simulate(console: Console, form: SimulatorForm) -> Result | PermissionDenied | None:
    """The simulation's result, IAM's refusal to run it, or None (principal gone)."""
    data = form.cleaned_data
    target = selectors.principal_by_arn(console.account, data["principal"])
    if target is None:
        return None
    own = console.actor.iam
    assert own is not None  # the console acts as the signed-in IAM user
    allowed = own.check(SIMULATE, target.arn)
    if not allowed.allowed:
        return PermissionDenied(Decision(False, own.refusal(SIMULATE, target.arn, allowed)))
    principal = (
        IamPrincipal.for_user(target)
        if isinstance(target, IamUser)
        else IamPrincipal.for_role(target)
    )
    return principal.check(data["action"], data["resource"], data["context"])


@cloud_console
@require_http_methods(["GET", "POST"])
def simulator(request: HttpRequest, console: Console) -> HttpResponseBase:
    form = SimulatorForm(request.POST or None, choices=_choices(console))
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = _simulate(console, form)
        if outcome is None:  # deleted since the page was drawn
            form.add_error("principal", _("Choose a user or role of this account."))
    denied = outcome if isinstance(outcome, PermissionDenied) else None
    result = outcome if isinstance(outcome, Result) else None
    context = {
        "form": form,
        "result": result,
        "decision": DECISIONS.get(result.decision, result.decision) if result else "",
    }
    return page(request, console, "cloud/simulator.html", context, denied)
