"""Help articles as files: `articles/*.md`, each a YAML front matter (slug, title,
topic, order, summary, keywords) and a Markdown body whose `## ` headings make the
sections, each with an anchor (`## Heading {#anchor}`, or one made from the heading)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.utils.text import slugify

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
HEADING = re.compile(r"^##\s+(.+?)\s*(?:\{#([a-z0-9-]+)\})?\s*$", re.MULTILINE)
OVERVIEW = "overview"


class ArticleFileError(ValueError):
    pass


@dataclass(frozen=True)
class ArticleFile:
    slug: str
    title: str
    topic: str
    order: int
    summary: str
    keywords: str
    body: str
    digest: str


@dataclass(frozen=True)
class Section:
    heading: str  # "" for the text before the first heading
    anchor: str
    body: str


def parse(raw: str, name: str = "") -> ArticleFile:
    match = FRONT_MATTER.match(raw)
    if not match:
        raise ArticleFileError(f"{name}: no front matter")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ArticleFileError(f"{name}: front matter is not valid YAML ({error})") from error
    if not isinstance(meta, dict):
        raise ArticleFileError(f"{name}: front matter is not a mapping")
    missing = [key for key in ("slug", "title") if not meta.get(key)]
    if missing:
        raise ArticleFileError(f"{name}: front matter lacks {', '.join(missing)}")
    keywords = meta.get("keywords") or ""
    if isinstance(keywords, list):
        keywords = ", ".join(str(k) for k in keywords)
    return ArticleFile(
        slug=str(meta["slug"]),
        title=str(meta["title"]),
        topic=str(meta.get("topic") or ""),
        order=int(meta.get("order") or 100),
        summary=str(meta.get("summary") or "").strip(),
        keywords=str(keywords),
        body=raw[match.end() :].strip() + "\n",
        digest=hashlib.sha256(raw.encode()).hexdigest(),
    )


def read_all(folder: Path = ARTICLES_DIR) -> list[ArticleFile]:
    found = [
        parse(path.read_text(encoding="utf-8"), path.name) for path in sorted(folder.glob("*.md"))
    ]
    slugs = [a.slug for a in found]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise ArticleFileError(f"duplicate slugs: {', '.join(duplicates)}")
    return found


def sections(body: str) -> list[Section]:
    """The body cut at its `## ` headings; anchors unique within the article."""
    found: list[Section] = []
    marks = list(HEADING.finditer(body))
    intro = body[: marks[0].start()] if marks else body
    if intro.strip():
        found.append(Section("", OVERVIEW, intro.strip()))
    used = {OVERVIEW}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        anchor = mark.group(2) or slugify(mark.group(1)) or f"section-{i + 1}"
        base, n = anchor, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        found.append(Section(mark.group(1).strip(), anchor, body[mark.end() : end].strip()))
    return found
