"""Customer accounts (CreateCustomerAccount … GetCustomerAccountStatistics) and the
program's customer directory that enrichment matches them against.

A customer account keeps the Account structure it was given as JSON (`data`) and
copies what searches filter, sort and group on into columns, as opportunities do.
Every row belongs to one company and one catalog; every query filters by both
first.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from allyport.core.ids import alnum
from allyport.pipeline.enums import Catalog

ID_PREFIX = "cust-acc-"


def customer_account_id() -> str:
    """`cust-acc-` and 13 digits or lower-case letters, as the model's pattern has it."""
    return ID_PREFIX + alnum(13)


def host_of(text: str) -> str:
    """The lower-case host of a domain or URL, without a leading `www.` (the form the
    directory keeps, so `https://WWW.Example.com/x` and `example.com` match)."""
    text = (text or "").strip().lower()
    if not text:
        return ""
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
        # International names compare in their ASCII (punycode) form.
        host = host.rstrip(".").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):  # not a URL or host at all
        return ""
    return host[4:] if host.startswith("www.") else host


class EnrichmentStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    ENRICHED = "ENRICHED", "Enriched"
    NO_MATCH_FOUND = "NO_MATCH_FOUND", "No match found"
    ACTION_REQUIRED = "ACTION_REQUIRED", "Action required"


class Score(models.TextChoices):
    HIGH = "High", "High"
    MEDIUM = "Medium", "Medium"
    LOW = "Low", "Low"


# Sorting by a score means Low < Medium < High, not the letters' order.
SCORE_RANK = {Score.LOW: 1, Score.MEDIUM: 2, Score.HIGH: 3}


class DirectoryEntry(models.Model):
    """A customer the program knows (kept by staff in the admin): what enrichment
    copies onto a partner's customer account that matches it."""

    name = models.CharField(max_length=200)
    website_domain = models.CharField(
        max_length=253, blank=True, help_text="Host such as example.com (www. is ignored)."
    )
    duns = models.CharField("DUNS", max_length=9, blank=True)
    industry = models.CharField(max_length=100, blank=True)
    sub_industry = models.CharField(max_length=100, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    segment = models.CharField(max_length=100, blank=True)
    company_size = models.CharField(max_length=50, blank=True)
    region = models.CharField(max_length=100, blank=True)
    sub_region = models.CharField(max_length=100, blank=True)
    geo = models.CharField(max_length=50, blank=True)
    country = models.CharField(max_length=100, blank=True)
    account_planning_qualification = models.CharField(max_length=50, blank=True)
    eligible_programs = models.JSONField(default=list, blank=True)
    marketplace_engagement_score = models.CharField(max_length=6, choices=Score, blank=True)
    solution_category = models.CharField(max_length=100, blank=True)
    solution_sub_category = models.CharField(max_length=100, blank=True)
    solution_score = models.CharField(max_length=6, choices=Score, blank=True)

    class Meta:
        verbose_name = "customer directory entry"
        verbose_name_plural = "customer directory"
        constraints = [
            models.UniqueConstraint(
                fields=["duns"], condition=~Q(duns=""), name="directory_duns_unique"
            ),
            models.UniqueConstraint(
                fields=["website_domain"],
                condition=~Q(website_domain=""),
                name="directory_domain_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.website_domain = host_of(self.website_domain)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.website_domain and not host_of(self.website_domain):
            raise ValidationError({"website_domain": "Enter a domain such as example.com."})
        if self.duns and not (len(self.duns) == 9 and self.duns.isdigit()):
            raise ValidationError({"duns": "A DUNS number is nine digits."})


def _keyset_indexes(columns: tuple[str, ...]) -> list[models.Index]:
    """(company, catalog, column, public_id) per sort: a page is one index range scan."""
    return [
        models.Index(
            fields=["company", "catalog", column, "public_id"], name=f"custacc_{column}_idx"
        )
        for column in columns
    ]


class CustomerAccount(models.Model):
    """A partner's customer. `data` is the CustomerAccountData last given; `enrichment`
    the AwsEnrichment structure copied from the matched directory entry."""

    public_id = models.CharField(max_length=24, unique=True, default=customer_account_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    data = models.JSONField(default=dict)
    partner_account_identifier = models.CharField(max_length=64, blank=True)
    tags = models.JSONField(default=list)
    # The bulk job that imported it (the IMPORT_ID filter); blank when made one by one.
    import_id = models.CharField(max_length=64, blank=True)
    company_name = models.CharField(max_length=120, blank=True)
    # What matching reads: the DUNS and the host of Domain or WebsiteUrl.
    duns = models.CharField(max_length=9, blank=True)
    domain_host = models.CharField(max_length=253, blank=True)
    enrichment_status = models.CharField(
        max_length=16, choices=EnrichmentStatus, default=EnrichmentStatus.PENDING
    )
    directory_entry = models.ForeignKey(
        DirectoryEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    enrichment = models.JSONField(default=dict)
    reason_code = models.CharField(max_length=32, blank=True)
    message = models.TextField(blank=True)
    existing_account_id = models.CharField(max_length=24, blank=True)
    # Copies of `enrichment` for filters, sorting and statistics (blank: none).
    aws_industry = models.CharField(max_length=100, blank=True)
    account_planning_qualification = models.CharField(max_length=50, blank=True)
    geo = models.CharField(max_length=50, blank=True)
    country = models.CharField(max_length=100, blank=True)
    segment = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True)
    solution_category = models.CharField(max_length=100, blank=True)
    marketplace_engagement_score = models.CharField(max_length=6, blank=True)
    solution_score = models.CharField(max_length=6, blank=True)
    engagement_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    solution_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    created_date = models.DateTimeField()
    # The optimistic-concurrency token of UpdateCustomerAccount: the partner's changes
    # move it; enrichment (AWS's annotation) does not, so it never makes a read stale.
    last_modified_date = models.DateTimeField()

    class Meta:
        indexes = _keyset_indexes(
            (
                "company_name",
                "created_date",
                "last_modified_date",
                "engagement_rank",
                "solution_rank",
            )
        )
        constraints = [
            # One customer, one account per company and catalog: a second match of the
            # same directory entry is ACTION_REQUIRED (DUPLICATE_CUSTOMER_MATCH).
            models.UniqueConstraint(
                fields=["company", "catalog", "directory_entry"],
                condition=Q(enrichment_status="ENRICHED"),
                name="custacc_one_enriched_per_customer",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id


class EligibleProgram(models.Model):
    """One program an enriched account is eligible for: a row each, so filters and
    GROUP BY over programs run in the database."""

    account = models.ForeignKey(CustomerAccount, on_delete=models.CASCADE, related_name="programs")
    program = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "program"], name="custacc_program_unique")
        ]
        indexes = [models.Index(fields=["program"], name="custacc_program_idx")]

    def __str__(self) -> str:
        return self.program


class DeletedCustomerAccount(models.Model):
    """What DeleteCustomerAccount leaves behind: the id alone (no customer data), so a
    repeated delete succeeds while an id never seen is still not found."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    public_id = models.CharField(max_length=24)
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "catalog", "public_id"], name="custacc_deleted_unique"
            )
        ]

    def __str__(self) -> str:
        return self.public_id


__all__ = [
    "CustomerAccount",
    "DeletedCustomerAccount",
    "DirectoryEntry",
    "EligibleProgram",
]
