"""The "company.subsidiary_of" slot: whether two companies hold an active SUBSIDIARY
connection, which profiles' qualifications association requires."""

from __future__ import annotations

from allyport.accounts.models import Company
from allyport.connections.models import ConnectionType, ConnectionTypeDetail, TypeStatus


def is_subsidiary_of(subsidiary: Company, primary: Company) -> bool:
    """An active subsidiary connection joins the two (in any catalog; either may have
    sent the invitation)."""
    first, second = sorted((subsidiary.pk, primary.pk))
    return ConnectionTypeDetail.objects.filter(
        connection__first_id=first,
        connection__second_id=second,
        connection_type=ConnectionType.SUBSIDIARY,
        status=TypeStatus.ACTIVE,
    ).exists()
