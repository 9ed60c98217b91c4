"""What Market > Find Partners shows per result about connecting (the profiles app's
page reads it through the `finder.connect` slot): Connect, which opens the Connect
form with the partner filled in (the invitation is made by
`services.invitations.create_invitation`, which authorizes and records it), or the
state instead when the companies are already connected or an invitation between them
is pending. One's own company gets nothing; roles that may not invite see the state
without Connect."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target, authorize
from allyport.accounts.models import Company
from allyport.connections import permissions as perms
from allyport.connections.models import (
    ConnectionInvitation,
    ConnectionTypeDetail,
    InvitationStatus,
    TypeStatus,
)
from allyport.pipeline.enums import Catalog

CONNECTED = "connected"
INVITED = "invited"
INVITED_YOU = "invited_you"


def _states(company: Company, others: list[int], catalog: str) -> dict[int, str]:
    """The state with each of `others`: connected beats a pending invitation."""
    states: dict[int, str] = {}
    pending = ConnectionInvitation.objects.filter(
        Q(sender=company, receiver_id__in=others) | Q(receiver=company, sender_id__in=others),
        catalog=catalog,
        status=InvitationStatus.PENDING,
        expires_at__gt=timezone.now(),
    ).values_list("sender_id", "receiver_id")
    for sender_id, receiver_id in pending:
        if sender_id == company.pk:
            states[receiver_id] = INVITED
        else:
            states.setdefault(sender_id, INVITED_YOU)
    active = ConnectionTypeDetail.objects.filter(
        Q(connection__first=company, connection__second_id__in=others)
        | Q(connection__second=company, connection__first_id__in=others),
        connection__catalog=catalog,
        status=TypeStatus.ACTIVE,
    ).values_list("connection__first_id", "connection__second_id")
    for first_id, second_id in active:
        states[second_id if first_id == company.pk else first_id] = CONNECTED
    return states


def connect_options(actor: Actor, company_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Per listed company (its key): `label` (the state, or empty) and `connect_url`
    (the Connect link, or empty). Own company and non-members: nothing."""
    company = actor.company
    if company is None or not actor.is_member:
        return {}
    catalog = Catalog.AWS
    others = [pk for pk in company_ids if pk != company.pk]
    states = _states(company, others, catalog)
    labels = {
        CONNECTED: _("Connected"),
        INVITED: _("Invitation sent"),
        INVITED_YOU: _("Invitation received"),
    }
    may_invite = bool(
        authorize(actor, perms.CREATE_CONNECTION_INVITATION, Target(arn="*", catalog=catalog))
    )
    partner_ids = dict(Company.objects.filter(pk__in=others).values_list("pk", "public_id"))
    invite = reverse("connections:invite")
    options: dict[int, dict[str, Any]] = {}
    for pk in others:
        state = states.get(pk, "")
        url = ""
        if may_invite and not state and pk in partner_ids:
            url = f"{invite}?{urlencode({'partner': partner_ids[pk]})}"
        options[pk] = {"state": state, "label": labels.get(state, ""), "connect_url": url}
    return options
