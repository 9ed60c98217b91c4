"""The help pages citations link to: public, one anchor per section."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_index_lists_articles_by_topic_without_sign_in(loaded):
    page = Client().get("/help/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Help centre" in text and "Users and roles" in text
    assert 'href="/help/mfa/"' in text and "Multi-factor authentication (MFA)" in text


def test_article_has_an_anchor_for_every_cited_section(loaded, member, client_for):
    page = client_for(member).get("/help/program-fee/")
    text = page.content.decode()
    assert page.status_code == 200
    assert '<section id="renewal">' in text and "<h2>Bills and renewal date</h2>" in text
    assert '<a href="#cancel">Cancel your membership</a>' in text
    assert "<strong>Upgrade form</strong>" in text  # Markdown rendered, sanitised


def test_unknown_or_unpublished_article_is_not_found(loaded):
    from allyport.helpcentre.models import Article

    assert Client().get("/help/no-such-page/").status_code == 404
    Article.objects.filter(slug="mfa").update(published=False)
    missing = Client().get("/help/mfa/")
    assert missing.status_code == 404
    assert "Multi-factor" not in missing.content.decode()
