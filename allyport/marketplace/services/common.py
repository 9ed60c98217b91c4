"""What the marketplace services share: acting in the cloud account, the
unlinking block, and the mapping events in the guide's log shape."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.cloud.models import IamRole
from allyport.cloud.principals import SERVICE, IamPrincipal
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import AccountLink, UnlinkRequest


def iam_actor(actor: Actor, principal: IamPrincipal) -> Actor:
    """The portal user's request, acting in the cloud account as `principal`."""
    return Actor.for_iam(
        principal,
        actor.company,
        source_ip=actor.source_ip,
        user_agent=actor.user_agent,
        user=actor.user,
    )


def role_session_actor(actor: Actor, role: IamRole) -> Actor:
    """A session of `role` assumed by the account management service, as the
    guide's AssociatePartnerUser log example shows (source and agent: the service)."""
    return Actor.for_iam(
        IamPrincipal.for_role(role),
        actor.company,
        source_ip=SERVICE,
        user_agent=SERVICE,
        user=actor.user,
    )


def open_unlink_request(company: Company) -> UnlinkRequest | None:
    return UnlinkRequest.objects.filter(link_company=company, status=UnlinkRequest.OPEN).first()


def refuse_while_unlinking(company: Company) -> None:
    if open_unlink_request(company) is not None:
        raise ChangeRefused(
            _(
                "An account unlinking request is in progress: linking accounts, mapping IAM "
                "roles and linking products or offers wait until it is resolved."
            )
        )


def user_mapping_event(
    cloud_actor: Actor, link: AccountLink, partner_user_id: str, role: IamRole, associate: bool
) -> None:
    audit.record(
        cloud_actor,
        "AssociatePartnerUser" if associate else "DisassociatePartnerUser",
        event_type="AwsApiCall",
        company=link.company,
        request_parameters={
            "partnerUserId": partner_user_id,
            "iamRoleArn": role.arn,
            "partnerAccountId": link.company.public_id,
        },
    )


def account_event(actor: Actor, name: str, company: Company) -> None:
    """AssociatePartnerAccount / DisassociatePartnerAccount, in the guide's shape."""
    audit.record(
        actor,
        name,
        event_type="AwsApiCall",
        company=company,
        request_parameters={"value": audit.HIDDEN},
    )
