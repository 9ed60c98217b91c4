"""Customer accounts in the index, for whoever sees Opportunity Management (the
accounts' page sits under it)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyport.customers.models import CustomerAccount
from allyport.search import kinds


def customer_account_document(row: CustomerAccount) -> kinds.Document:
    catalog = "?catalog=Sandbox" if row.catalog == "Sandbox" else ""
    return kinds.Document(
        key=row.public_id,
        company_id=row.company_id,
        title=row.company_name or row.public_id,
        detail=" · ".join(part for part in (row.country, row.aws_industry, row.catalog) if part),
        body=" ".join(
            part
            for part in (row.public_id, row.partner_account_identifier, row.domain_host, row.duns)
            if part
        ),
        url=reverse("customers:edit", args=[row.public_id]) + catalog,
    )


def register() -> None:
    kinds.register(
        kinds.Kind(
            name="customer_account",
            label=_("Customer accounts"),
            model=CustomerAccount,
            document=customer_account_document,
            rows=lambda: CustomerAccount.objects.order_by("pk").iterator(chunk_size=2000),
            menu="Sell/Opportunity Management",
        )
    )
