from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.helpcentre import retrieval
from allyport.helpcentre.articles_io import ARTICLES_DIR, ArticleFileError, read_all
from allyport.helpcentre.loading import load
from allyport.helpcentre.models import Article, Passage
from allyport.helpcentre.services.answers import answer
from allyport.helpcentre.services.articles import save_article

pytestmark = pytest.mark.django_db

ARTICLE = """---
slug: {slug}
title: "Widgets"
topic: Testing
keywords: "gizmo"
---
Intro about widgets.

## Make a widget {{#make}}

{body}
"""


def _folder(tmp_path: Path, body: str = "Choose **Make widget** on the Widgets page.") -> Path:
    (tmp_path / "widgets.md").write_text(ARTICLE.format(slug="widgets", body=body))
    return tmp_path


def test_every_article_file_is_valid_with_sections():
    files = read_all(ARTICLES_DIR)
    assert len(files) >= 40
    assert all(f.title and f.topic and "## " in f.body for f in files)


def test_command_reports_what_changed_and_is_idempotent(db):
    retrieval.reset()
    out = io.StringIO()
    call_command("load_helpcentre", stdout=out)
    first = json.loads(out.getvalue())
    assert len(first["created"]) == Article.objects.count() >= 40
    assert first["passages"]["created"] == Passage.objects.filter(source="helpcentre").count()
    out = io.StringIO()
    call_command("load_helpcentre", stdout=out)
    again = json.loads(out.getvalue())
    assert again["created"] == [] and again["updated"] == []
    assert again["passages"] == {"created": 0, "updated": 0, "deleted": 0}
    assert AuditEvent.objects.filter(event_name="LoadHelpCentre").count() == 1


def test_changed_file_updates_its_article_and_passages(db, tmp_path):
    folder = _folder(tmp_path)
    load(folder=folder, contributed=False)
    report = load(folder=_folder(tmp_path, "Choose **Build widget** instead."), contributed=False)
    assert report.updated == ["widgets"]
    assert report.passages.updated == 1
    passage = Passage.objects.get(key="helpcentre:widgets#make")
    assert passage.body == "Choose Build widget instead."
    assert passage.url == "/help/widgets/#make"


def test_staff_edit_survives_a_reload_unless_forced(db, tmp_path, django_user_model):
    folder = _folder(tmp_path)
    load(folder=folder, contributed=False)
    staff = django_user_model.objects.create_user(email="ops@allyport.example", password="x")
    article = Article.objects.get(slug="widgets")
    article.body = article.body.replace("Make widget", "Craft widget")
    save_article(Actor.for_staff(staff), article)
    assert Article.objects.get(slug="widgets").edited_by_staff
    report = load(folder=folder, contributed=False)
    assert report.kept_staff_edits == ["widgets"]
    assert "Craft widget" in Passage.objects.get(key="helpcentre:widgets#make").body
    forced = load(folder=folder, contributed=False, force=True)
    assert forced.updated == ["widgets"]
    assert "Make widget" in Passage.objects.get(key="helpcentre:widgets#make").body
    assert not Article.objects.get(slug="widgets").edited_by_staff


def test_article_whose_file_is_gone_is_removed_with_its_passages(db, tmp_path):
    load(folder=_folder(tmp_path), contributed=False)
    (tmp_path / "widgets.md").unlink()
    report = load(folder=tmp_path, contributed=False)
    assert report.removed == ["widgets"]
    assert not Passage.objects.filter(key__startswith="helpcentre:widgets#").exists()


def test_staff_edit_is_answered_at_once(db, tmp_path, member, django_user_model):
    retrieval.reset()
    for path in ARTICLES_DIR.glob("*.md"):  # ranking needs a corpus of some size
        (tmp_path / path.name).write_text(path.read_text())
    load(folder=_folder(tmp_path), contributed=False)
    actor = Actor.for_member(member)
    assert "Make widget" in answer(actor, "How do I make a widget?").text
    staff = django_user_model.objects.create_user(email="ops2@allyport.example", password="x")
    article = Article.objects.get(slug="widgets")
    article.body = article.body.replace("Make widget", "Assemble widget")
    save_article(Actor.for_staff(staff), article)
    assert "Assemble widget" in answer(actor, "How do I make a widget?").text
    retrieval.reset()


def test_broken_file_is_reported_and_nothing_is_written(db, tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody")
    with pytest.raises(ArticleFileError, match="bad.md"):
        load(folder=tmp_path)
    assert not Article.objects.exists()


def test_members_cannot_write_articles(db, member):
    with pytest.raises(PermissionDenied):
        save_article(Actor.for_member(member), Article(slug="x", title="X", body="## A\n\nb"))
    assert not Article.objects.exists()
