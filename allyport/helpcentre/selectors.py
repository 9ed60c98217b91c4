"""Reading the help centre for its pages."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.utils.safestring import SafeString

from allyport.helpcentre.articles_io import OVERVIEW, sections
from allyport.helpcentre.models import Article
from allyport.support.markdown import render


@dataclass(frozen=True)
class RenderedSection:
    heading: str
    anchor: str
    html: SafeString


def topics() -> list[tuple[str, list[Article]]]:
    articles = Article.objects.filter(published=True).order_by("topic", "order", "title")
    return [(topic, list(group)) for topic, group in groupby(articles, key=lambda a: a.topic)]


def published(slug: str) -> Article | None:
    return Article.objects.filter(slug=slug, published=True).first()


def rendered_sections(article: Article) -> list[RenderedSection]:
    return [
        RenderedSection(s.heading, s.anchor if s.heading else OVERVIEW, render(s.body))
        for s in sections(article.body)
    ]
