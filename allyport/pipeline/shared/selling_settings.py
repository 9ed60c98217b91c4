"""Selling system settings per company and catalog (Get/PutSellingSystemSettings,
spec §2.12): the IAM role resource snapshot jobs run with.

The role is named by its ARN or its bare name; it must be a role of the
company's linked account in the embedded cloud (another account's role, or one
that does not exist, is refused: not found).
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.decisions import Target
from allyport.cloud.models import IamRole
from allyport.core.errors import NotFound
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.models import SellingSystemSettings
from allyport.pipeline.shared.permissions import GET_SELLING_SETTINGS, PUT_SELLING_SETTINGS
from allyport.pipeline.shared.scope import check_catalog, require_pipeline

_ROLE = re.compile(
    r"^(?:arn:aws:iam::(?P<account>\d{12}):role/(?:[-+=,.@_a-zA-Z0-9]+/)*)?(?P<name>[-+=,.@_a-zA-Z0-9]{1,64})$"
)


def settings_target(actor: Actor, catalog: str) -> Target:
    """The settings have no ARN of their own: policies name the catalog's settings
    resource, `arn:aws:partnercentral:<region>:<account>:catalog/<Catalog>/`
    `selling-system-settings`."""
    account = actor.iam.account_id if actor.iam is not None else ""
    arn = (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account}:"
        f"catalog/{catalog}/selling-system-settings"
    )
    return Target(arn=arn, catalog=catalog)


def _view(catalog: str, row: SellingSystemSettings | None) -> dict[str, Any]:
    value: dict[str, Any] = {"Catalog": catalog}
    if row is not None and row.resource_snapshot_job_role_arn:
        value["ResourceSnapshotJobRoleArn"] = row.resource_snapshot_job_role_arn
    return value


def get_settings(actor: Actor, catalog: str) -> dict[str, Any]:
    company = require_pipeline(actor, GET_SELLING_SETTINGS, settings_target(actor, catalog))
    row = SellingSystemSettings.objects.filter(
        company=company, catalog=check_catalog(catalog)
    ).first()
    return _view(catalog, row)


def _role_arn(company: Any, identifier: str) -> str:
    account = linked_account_id(company)
    match = _ROLE.match(identifier)
    if match is None or not account or (match["account"] or account) != account:
        raise NotFound("Role", identifier)
    role = IamRole.objects.filter(account__account_id=account, name=match["name"]).first()
    if role is None:
        raise NotFound("Role", identifier)
    return identifier if match["account"] else role.arn


def put_settings(actor: Actor, catalog: str, role_identifier: str | None) -> dict[str, Any]:
    """Set (or, without a role, clear) the snapshot jobs' role; the settings as they are."""
    company = require_pipeline(actor, PUT_SELLING_SETTINGS, settings_target(actor, catalog))
    check_catalog(catalog)
    role_arn = _role_arn(company, role_identifier) if role_identifier else ""
    row, _created = SellingSystemSettings.objects.update_or_create(
        company=company,
        catalog=catalog,
        defaults={"resource_snapshot_job_role_arn": role_arn, "modified_at": timezone.now()},
    )
    record_console(
        actor,
        "PutSellingSystemSettings",
        company=company,
        request={"catalog": catalog, "resourceSnapshotJobRoleIdentifier": role_identifier},
    )
    return _view(catalog, row)
