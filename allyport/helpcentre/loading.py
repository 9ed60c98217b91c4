"""`load_helpcentre`: the articles of `articles/*.md` into the database, then every
passage. Idempotent: an unchanged file writes nothing; a staff edit is kept unless
`force`; an article whose file is gone is removed (unless staff edited it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from allyport.access.actor import Actor, system
from allyport.helpcentre import knowledge
from allyport.helpcentre.articles_io import ARTICLES_DIR, ArticleFile, read_all
from allyport.helpcentre.models import Article, Passage
from allyport.helpcentre.services import articles


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_staff_edits: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    passages: knowledge.Changes = field(default_factory=knowledge.Changes)

    def as_dict(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": len(self.unchanged),
            "kept_staff_edits": self.kept_staff_edits,
            "removed": self.removed,
            "passages": {
                "created": self.passages.created,
                "updated": self.passages.updated,
                "deleted": self.passages.deleted,
            },
        }


def _fields(item: ArticleFile) -> dict[str, object]:
    return {
        "title": item.title,
        "topic": item.topic,
        "order": item.order,
        "summary": item.summary,
        "keywords": item.keywords,
        "body": item.body,
        "published": True,
        "source_digest": item.digest,
        "edited_by_staff": False,
    }


def _help_passages() -> dict[str, str]:
    rows = Passage.objects.filter(source=knowledge.HELP).values_list("key", "digest")
    return dict(rows)


def _difference(before: dict[str, str], after: dict[str, str]) -> knowledge.Changes:
    """What the articles' saves did to their passages (their receivers sync them)."""
    return knowledge.Changes(
        created=len(after.keys() - before.keys()),
        updated=sum(1 for k in after.keys() & before.keys() if after[k] != before[k]),
        deleted=len(before.keys() - after.keys()),
    )


def load(
    *,
    force: bool = False,
    folder: Path = ARTICLES_DIR,
    contributed: bool = True,
    actor: Actor | None = None,
) -> LoadReport:
    actor = actor or system()
    files = read_all(folder)
    report = LoadReport()
    with transaction.atomic():
        before = _help_passages()
        existing = {a.slug: a for a in Article.objects.all()}
        for item in files:
            article = existing.get(item.slug)
            if article is None:
                articles.save_article(actor, Article(slug=item.slug, **_fields(item)))
                report.created.append(item.slug)
            elif article.edited_by_staff and not force:
                report.kept_staff_edits.append(item.slug)
            elif article.source_digest == item.digest and not article.edited_by_staff:
                report.unchanged.append(item.slug)
            else:
                for name, value in _fields(item).items():
                    setattr(article, name, value)
                articles.save_article(actor, article)
                report.updated.append(item.slug)
        in_files = {item.slug for item in files}
        for slug, article in existing.items():
            if slug not in in_files and (force or not article.edited_by_staff):
                articles.delete_article(actor, article)
                report.removed.append(slug)
        knowledge.sync_articles()
        report.passages += _difference(before, _help_passages())
        if report.created or report.updated or report.removed:
            summary = {k: report.as_dict()[k] for k in ("created", "updated", "removed")}
            articles.record_load(actor, summary)
    if contributed:
        report.passages += knowledge.sync_contributed()
    return report
