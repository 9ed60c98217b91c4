"""Staff edit the help articles in the admin; each save goes through the audited
service, marks the article edited by staff (kept through `load_helpcentre` unless
it runs with --force) and re-cuts its passages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from allyport.access.middleware import staff_actor
from allyport.helpcentre.models import Article, Passage
from allyport.helpcentre.services import articles


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "topic", "published", "edited_by_staff", "updated_at")
    list_filter = ("topic", "published", "edited_by_staff")
    search_fields = ("title", "slug", "body", "keywords")
    prepopulated_fields = {"slug": ("title",)}

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        articles.save_article(staff_actor(request), obj)

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        articles.delete_article(staff_actor(request), obj)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # unpublish instead: a deleted article would come back on reload


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    """What the assistant retrieves, read-only: passages follow their sources."""

    list_display = ("title", "heading", "source", "url", "updated_at")
    list_filter = ("source",)
    search_fields = ("title", "heading", "body")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
