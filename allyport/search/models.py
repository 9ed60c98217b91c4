"""One row per searchable record: what the results show and the words to match.

The full-text structures are not Django fields: migration 0002 adds them for the
database in use (PostgreSQL: a stored, weighted tsvector column with a GIN index,
and a trigram index on the title for typos; SQLite: an FTS5 table kept in step by
triggers). `tokens` carries the words that scope a row — its company (`s<id>`, or
`s0` for content every member may see), its kind (`k<kind>`) and its owner
(`o<user id>`) — so tenancy, kind and ownership are part of the one full-text match
rather than filters applied after it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy


class SearchEntry(models.Model):
    kind = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    # Null for enablement content (news, events, articles) that every member sees.
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    owner_id = models.BigIntegerField(null=True)
    title = models.CharField(max_length=300)
    detail = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    tokens = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("search index entry")
        verbose_name_plural = gettext_lazy("search index entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_entry_kind_key"),
        ]
        # (company, kind): the company's rows, and its distinct kinds (search/present.py).
        indexes = [models.Index(fields=["company", "kind"], name="search_entry_company_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


def kind_token(kind: str) -> str:
    """`k` and the kind's letters: both tokenizers split words at `_` and `-`."""
    return "k" + "".join(ch for ch in kind if ch.isalnum())


def scope_tokens(kind: str, company_id: int | None, owner_id: int | None) -> str:
    owner = f" o{owner_id}" if owner_id else ""
    return f"s{company_id or 0} {kind_token(kind)}{owner}"
