"""Who calls: the IAM user behind the access key, acting for the linked company."""

from __future__ import annotations

from django.http import HttpRequest

from allyport.access.actor import Actor
from allyport.awsapi.registry import AccessDenied
from allyport.cloud.models import AccessKey
from allyport.cloud.principals import IamPrincipal
from allyport.cloud.services import account_company
from allyport.core.client_address import client_ip


def actor_for(key: AccessKey, request: HttpRequest) -> Actor:
    """The `iam` actor of the key's user; its company is the one the cloud account is
    linked to (AccessDeniedException when there is none)."""
    user = key.user
    company = account_company(user.account)
    if company is None:
        raise AccessDenied(
            f"The AWS account {user.account.account_id} is not linked to a partner company."
        )
    principal = IamPrincipal.for_user(user, access_key_id=key.access_key_id)
    return Actor.for_iam(
        principal,
        company,
        source_ip=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
    )
