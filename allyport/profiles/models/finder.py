"""The public Partner Solutions Finder's read model: one row per listed company and
its search facets, rebuilt whenever what it shows changes (services/finder.py).

A search is one index range scan: a facet (kind, value) ordered by (sort_name,
company) and cut by a keyset position; further criteria are probes of the
(company, kind, value) unique index."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class FinderListing(models.Model):
    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    public_id = models.CharField(max_length=32, unique=True)
    sort_name = models.CharField(max_length=80)
    display_name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, default="partner")  # the page's address ends in it
    summary = models.CharField(max_length=250, blank=True)  # the description, cut for lists
    logo_url = models.CharField(max_length=256, blank=True)
    headquarters = models.CharField(max_length=120, blank=True)
    data = models.JSONField(default=dict)
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["sort_name", "company"], name="finder_order")]

    def __str__(self) -> str:
        return self.display_name


class FinderFacet(models.Model):
    class Kind(models.TextChoices):
        WORD = "word"  # a word (or its first letters) of the name or an offering
        SOLUTION = "solution"  # a reported solution area
        INDUSTRY = "industry"
        COUNTRY = "country"
        QUALIFICATION = "qualification"
        PATH = "path"

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    value = models.CharField(max_length=80)
    sort_name = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "kind", "value"], name="finder_facet")
        ]
        indexes = [
            models.Index(fields=["kind", "value", "sort_name", "company"], name="finder_facet_scan")
        ]

    def __str__(self) -> str:
        return f"{self.kind}={self.value}"
