"""The help centre as data: articles (loaded from `articles/*.md`, editable by staff),
the passages the assistant retrieves (heading-sized chunks of the articles and of
what other apps contribute to the "assistant.knowledge" slot) and the votes that
re-rank passages for similar questions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    """One help page. `source_digest` is the digest of the file it was last loaded
    from; `edited_by_staff` keeps a staff edit through a reload unless forced."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    topic = models.CharField(_("topic"), max_length=80, blank=True)
    order = models.PositiveIntegerField(_("order"), default=100)
    keywords = models.CharField(_("keywords"), max_length=400, blank=True)
    body = models.TextField(_("body (Markdown)"))
    published = models.BooleanField(_("published"), default=True)
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    edited_by_staff = models.BooleanField(
        _("edited by staff"),
        default=False,
        help_text=_("A staff edit survives load_helpcentre unless it runs with --force."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("topic", "order", "title")
        verbose_name = _("help article")
        verbose_name_plural = _("help articles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("helpcentre:article", args=[self.slug])


class Passage(models.Model):
    """A heading-sized chunk the assistant can cite: its page URL with the anchor.
    `key` identifies it across rebuilds (source, document id, anchor) so votes stay
    attached while the text is unchanged."""

    key = models.CharField(max_length=300, unique=True)
    source = models.CharField(max_length=60)  # "helpcentre" or the contributed type
    company_id = models.BigIntegerField(null=True, blank=True)  # None: every member
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE)
    title = models.CharField(max_length=300)  # the page's title
    heading = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500)  # with #anchor
    body = models.TextField()
    keywords = models.CharField(max_length=400, blank=True)
    position = models.PositiveIntegerField(default=0)  # its place on the page, from 0
    digest = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["source"])]

    def __str__(self) -> str:
        return f"{self.title} — {self.heading}" if self.heading else self.title


class Vote(models.Model):
    """A thumbs up or down on the passages of one answer, with the question's terms
    (stemmed, masked) so later similar questions rank those passages up or down."""

    passage = models.ForeignKey(Passage, on_delete=models.CASCADE, related_name="votes")
    terms = models.CharField(max_length=1000)
    helpful = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{'+' if self.helpful else '-'} {self.terms}"


class IndexState(models.Model):
    """One row: the generation of the passages, bumped whenever they change, so each
    process rebuilds its in-memory ranking index when it is stale."""

    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.generation)
