"""The passages the assistant retrieves, kept in step with their sources:
- the help centre's own articles, one passage per section (`sync_article`, called in
  the transaction that saves an article, whoever saves it: the load command, staff);
- what other apps contribute to the "assistant.knowledge" slot (support articles,
  news, events, resources, FAQs): fn() -> iterable of {type, company_id (None: every
  member), id, title, body, url}, cut at paragraph boundaries into passages of about
  `CHUNK` characters, synced as a whole by the maintenance sweep and the load command.

A sync writes only what changed (by digest) and bumps the ranking index's
generation when anything did."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.html import strip_tags

from allyport.core import contributions
from allyport.helpcentre import retrieval
from allyport.helpcentre.articles_io import sections
from allyport.helpcentre.models import Article, Passage

SLOT = "assistant.knowledge"
HELP = "helpcentre"
CHUNK = 1200


@dataclass(frozen=True)
class Wanted:
    key: str
    source: str
    company_id: int | None
    title: str
    heading: str
    url: str
    body: str
    keywords: str = ""
    position: int = 0

    @property
    def digest(self) -> str:
        raw = "\x1f".join(
            [
                self.source,
                str(self.company_id),
                self.title,
                self.heading,
                self.url,
                self.body,
                self.keywords,
                str(self.position),
            ]
        )
        return hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def any(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def __iadd__(self, other: Changes) -> Changes:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        return self


def _plain(markdown: str) -> str:
    """Markdown as the passages keep it: links as their text, no emphasis marks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]{1,3}([^*_`]+)[*_`]{1,3}", r"\1", text)
    return strip_tags(text).strip()


def article_passages(article: Article) -> list[Wanted]:
    if not article.published:
        return []
    url = article.get_absolute_url()
    found = []
    for position, section in enumerate(sections(article.body)):
        body = _plain(section.body)
        if section.anchor == "overview" and article.summary:
            body = f"{article.summary}\n\n{body}".strip()
        found.append(
            Wanted(
                key=f"{HELP}:{article.slug}#{section.anchor}",
                source=HELP,
                company_id=None,
                title=article.title,
                heading=section.heading,
                url=f"{url}#{section.anchor}",
                body=body,
                keywords=article.keywords,
                position=position,
            )
        )
    return found


def _chunks(body: str) -> Iterator[str]:
    part: list[str] = []
    size = 0
    for paragraph in re.split(r"\n\s*\n|\n(?=\S)", body.strip()):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if part and size + len(paragraph) > CHUNK:
            yield "\n\n".join(part)
            part, size = [], 0
        part.append(paragraph)
        size += len(paragraph)
    if part:
        yield "\n\n".join(part)


def contributed_passages() -> list[Wanted]:
    found: list[Wanted] = []
    for source in contributions.contributed(SLOT):
        # A failing contributor stops the sync: its passages must not be taken for gone.
        rows = list(source())
        for row in rows:
            found.extend(_document_passages(row))
    return found


def _document_passages(row: dict[str, Any]) -> Iterator[Wanted]:
    kind = str(row.get("type") or "content")
    title = str(row.get("title") or "")
    url = str(row.get("url") or "")
    for n, chunk in enumerate(list(_chunks(str(row.get("body") or ""))) or [""], start=1):
        yield Wanted(
            key=f"{kind}:{row.get('id')}#{n}"[:300],
            source=kind[:60],
            company_id=row.get("company_id"),
            title=title[:300],
            heading="",
            url=url[:500],
            body=chunk or title,
            position=n - 1,
        )


def _sync(
    wanted: Iterable[Wanted], existing: dict[str, Passage], article: Article | None
) -> Changes:
    changes = Changes()
    keep = set()
    for item in wanted:
        keep.add(item.key)
        current = existing.get(item.key)
        if current is not None and current.digest == item.digest:
            continue
        fields = {
            "source": item.source,
            "company_id": item.company_id,
            "article": article,
            "title": item.title,
            "heading": item.heading,
            "url": item.url,
            "body": item.body,
            "keywords": item.keywords,
            "position": item.position,
            "digest": item.digest,
        }
        if current is None:
            Passage.objects.update_or_create(key=item.key, defaults=fields)
            changes.created += 1
        else:
            Passage.objects.filter(pk=current.pk).update(**fields)
            changes.updated += 1
    gone = [p.pk for key, p in existing.items() if key not in keep]
    if gone:
        changes.deleted = (
            Passage.objects.filter(pk__in=gone).delete()[1].get("helpcentre.Passage", 0)
        )
    if changes.any:
        retrieval.bump()
    return changes


def sync_article(article: Article) -> Changes:
    with transaction.atomic():
        existing = {
            p.key: p for p in Passage.objects.filter(key__startswith=f"{HELP}:{article.slug}#")
        }
        return _sync(article_passages(article), existing, article)


def sync_articles() -> Changes:
    """Every article's passages; passages of articles that no longer exist go."""
    changes = Changes()
    with transaction.atomic():
        for article in Article.objects.all():
            changes += sync_article(article)
        slugs = set(Article.objects.values_list("slug", flat=True))
        orphans = [
            p.pk
            for p in Passage.objects.filter(source=HELP).only("key")
            if p.key.split(":", 1)[1].split("#", 1)[0] not in slugs
        ]
        if orphans:
            changes.deleted += Passage.objects.filter(pk__in=orphans).delete()[0]
            retrieval.bump()
    return changes


def sync_contributed() -> Changes:
    """The slot's documents as passages (the maintenance sweep, the load command)."""
    wanted = contributed_passages()
    with transaction.atomic():
        existing = {p.key: p for p in Passage.objects.exclude(source=HELP)}
        return _sync(wanted, existing, None)


def sweep() -> int:
    changes = sync_contributed()
    return changes.created + changes.updated + changes.deleted
