"""Profile update tasks, verification and qualification association tasks."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext
from allyport.profiles import permissions as perms
from allyport.profiles.api.common import account_operation, once, own_company, partner
from allyport.profiles.selectors import partner as views
from allyport.profiles.services import listing, qualifications, verification


def _task(ctx: ApiContext, params: dict[str, Any], version: Any) -> dict[str, Any]:
    return views.profile_task_view(version, params["Catalog"], ctx.account_id)


@account_operation("StartProfileUpdateTask")
def start_profile_update_task(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.START_PROFILE_UPDATE)

    def start() -> dict[str, Any]:
        version = listing.start_profile_update(
            ctx.actor, company, params["TaskDetails"], catalog=params["Catalog"]
        )
        return _task(ctx, params, version)

    return once(ctx, params, start)  # type: ignore[no-any-return]


@account_operation("GetProfileUpdateTask")
def get_profile_update_task(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_PROFILE_UPDATE)
    return _task(ctx, params, views.latest_profile_task(company))


@account_operation("CancelProfileUpdateTask")
def cancel_profile_update_task(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.CANCEL_PROFILE_UPDATE)

    def cancel() -> dict[str, Any]:
        version = listing.cancel_profile_update(
            ctx.actor, company, params["TaskId"], catalog=params["Catalog"]
        )
        return _task(ctx, params, version)

    return once(ctx, params, cancel)  # type: ignore[no-any-return]


@account_operation("StartVerification")
def start_verification(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    """No Catalog and no Identifier: the calling account's own partner."""
    ctx.authorize()

    def start() -> dict[str, Any]:
        found = verification.start_verification(
            ctx.actor, own_company(ctx), params.get("VerificationDetails") or {}
        )
        return views.verification_answer(found)

    return once(ctx, params, start)  # type: ignore[no-any-return]


@account_operation("GetVerification")
def get_verification(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    ctx.authorize()
    return views.verification_view(own_company(ctx), params["VerificationType"])


def _qualifications_task(ctx: ApiContext, params: dict[str, Any], task: Any) -> dict[str, Any]:
    return views.qualifications_task_view(task, params["Catalog"], ctx.account_id)


@account_operation("StartQualificationsAssociationTask")
def start_qualifications_association_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    company = partner(ctx, params, perms.START_QUALIFICATIONS_ASSOCIATION)

    def start() -> dict[str, Any]:
        task = qualifications.start_qualifications_association(
            ctx.actor, company, params["PrimaryPartner"], catalog=params["Catalog"]
        )
        return _qualifications_task(ctx, params, task)

    return once(ctx, params, start)  # type: ignore[no-any-return]


@account_operation("StartQualificationsDisassociationTask")
def start_qualifications_disassociation_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    company = partner(ctx, params, perms.START_QUALIFICATIONS_DISASSOCIATION)

    def start() -> dict[str, Any]:
        task = qualifications.start_qualifications_disassociation(
            ctx.actor, company, params["AssociatedPartner"], catalog=params["Catalog"]
        )
        return _qualifications_task(ctx, params, task)

    return once(ctx, params, start)  # type: ignore[no-any-return]


@account_operation("GetQualificationsAssociationTask")
def get_qualifications_association_task(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_QUALIFICATIONS_ASSOCIATION)
    task = views.latest_qualifications_task(company, "associate")
    return _qualifications_task(ctx, params, task)


@account_operation("GetQualificationsDisassociationTask")
def get_qualifications_disassociation_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_QUALIFICATIONS_DISASSOCIATION)
    task = views.latest_qualifications_task(company, "disassociate")
    return _qualifications_task(ctx, params, task)


@account_operation("GetQualificationsAssociationDetails")
def get_qualifications_association_details(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    company = partner(ctx, params, perms.GET_QUALIFICATIONS_DETAILS)
    return views.qualifications_details(company, params["Catalog"], ctx.account_id)
