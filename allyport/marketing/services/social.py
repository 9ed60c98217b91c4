"""Social connections through a recorded authorization flow: no social network is
reachable, so CreateSocialConnectionAuthorizationUrl gives the URL of the portal's
own consent page for the platform (`marketing:social_authorize`, state in the URL);
a member of the company who opens it and allows the connection completes the flow
once, before it expires, and the connection is AUTHORIZED for 60 days."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import NotFound
from allyport.core.keyset import Page, SortKey, paginate
from allyport.marketing.models import Campaign, SocialAuthorization, SocialConnection
from allyport.marketing.services.scope import page_size, plain_id, record, require_marketing

FLOW_LIFETIME = timedelta(minutes=30)
CONNECTION_LIFETIME = timedelta(days=60)
CONNECTED = SortKey("connected_at", "datetime")


def create_authorization_url(actor: Actor, catalog: str, platform: str) -> str:
    company = require_marketing(actor, "CreateSocialConnectionAuthorizationUrl", catalog)
    state = secrets.token_urlsafe(32)
    with transaction.atomic():
        SocialAuthorization.objects.create(
            state=state, company=company, catalog=catalog, platform=platform
        )
        record(
            actor,
            "CreateSocialConnectionAuthorizationUrl",
            company=company,
            request={"Catalog": catalog, "Platform": platform},
        )
    return settings.ALLYPORT_PUBLIC_URL + reverse("marketing:social_authorize", args=[state])


def pending_authorization(actor: Actor, state: str) -> SocialAuthorization:
    """The open flow the state names, for the actor's company (else not found)."""
    company = require_marketing(actor, "CreateSocialConnection", "AWS")
    found = SocialAuthorization.objects.filter(
        state=state,
        company=company,
        completed_at__isnull=True,
        created_at__gt=timezone.now() - FLOW_LIFETIME,
    ).first()
    if found is None:
        raise NotFound("SocialAuthorization", "-")
    return found


def complete_authorization(actor: Actor, state: str, page_name: str) -> SocialConnection:
    """The consent page's Allow: the flow ends in a connection of the company."""
    with transaction.atomic():
        flow = pending_authorization(actor, state)
        if not SocialAuthorization.objects.filter(pk=flow.pk, completed_at__isnull=True).update(
            completed_at=timezone.now()
        ):
            raise NotFound("SocialAuthorization", "-")
        account = actor.user.email if actor.user is not None else flow.company.legal_name
        connection = SocialConnection.objects.create(
            company=flow.company,
            catalog=flow.catalog,
            platform=flow.platform,
            page_name=page_name.strip()[:256] or flow.company.legal_name[:256],
            account_name=account[:256],
            expires_at=timezone.now() + CONNECTION_LIFETIME,
        )
        record(
            actor,
            "CreateSocialConnection",
            company=flow.company,
            request={"Platform": flow.platform, "PageName": connection.page_name},
            response={"Id": connection.public_id},
        )
    return connection


def list_connections(actor: Actor, request: Mapping[str, Any]) -> Page:
    catalog = request["Catalog"]
    company = require_marketing(actor, "ListSocialConnections", catalog)
    found = SocialConnection.objects.filter(company=company, catalog=catalog)
    if request.get("Platform"):
        found = found.filter(platform=request["Platform"])
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        found,
        CONNECTED,
        descending=True,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"op": "social", "filters": filters},
    )


def delete_connection(actor: Actor, catalog: str, identifier: str) -> None:
    """The connection goes, and campaigns that chose it no longer name it."""
    company = require_marketing(actor, "DeleteSocialConnection", catalog)
    connection_id = plain_id(identifier)
    with transaction.atomic():
        connection = (
            SocialConnection.objects.select_for_update()
            .filter(company=company, catalog=catalog, public_id=connection_id)
            .first()
        )
        if connection is None:
            raise NotFound("SocialConnection", identifier)
        for campaign in Campaign.objects.filter(company=company, catalog=catalog):
            chosen = campaign.social_connections.get(connection.platform) or []
            if connection_id in chosen:
                campaign.social_connections[connection.platform] = [
                    c for c in chosen if c != connection_id
                ]
                campaign.save(update_fields=["social_connections", "updated_at"])
        connection.delete()
        record(
            actor,
            "DeleteSocialConnection",
            company=company,
            request={"Catalog": catalog, "Identifier": identifier},
        )


def status_of(connection: SocialConnection) -> str:
    if connection.expires_at and connection.expires_at <= timezone.now():
        return SocialConnection.Status.EXPIRED
    return connection.status


def summary(connection: SocialConnection) -> dict[str, Any]:
    answer = {
        "Id": connection.public_id,
        "Platform": connection.platform,
        "Status": status_of(connection),
        "ConnectedAt": connection.connected_at,
    }
    for key, value in (
        ("PageName", connection.page_name),
        ("AccountName", connection.account_name),
        ("ExpiresAt", connection.expires_at),
    ):
        if value:
            answer[key] = value
    return answer


def label(platform: str) -> str:
    return {"FACEBOOK": "Facebook", "LINKEDIN": "LinkedIn", "X": "X"}.get(platform, platform) or _(
        "Unknown"
    )
