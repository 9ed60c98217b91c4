"""Who may do each customer-account operation, declared once (see
`allyport.pipeline.shared.permissions`): members need the opportunity rights
(customer accounts have no owner), IAM principals the policy's allow."""

from __future__ import annotations

from allyport.access.decisions import Permission
from allyport.pipeline.services import MANAGE_OWNED


def _customers(operation: str) -> Permission:
    return Permission(member=MANAGE_OWNED, iam=f"partnercentral:{operation}")


CREATE_CUSTOMER_ACCOUNT = _customers("CreateCustomerAccount")
GET_CUSTOMER_ACCOUNT = _customers("GetCustomerAccount")
UPDATE_CUSTOMER_ACCOUNT = _customers("UpdateCustomerAccount")
DELETE_CUSTOMER_ACCOUNT = _customers("DeleteCustomerAccount")
