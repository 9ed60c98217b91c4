"""Help articles: Markdown rendered and sanitised, search, suggestions for a subject,
"Was this article helpful?", and the documents contributed to the slots."""

from __future__ import annotations

import pytest
from django.urls import reverse

from allyport.core.contributions import contributed
from allyport.support.models import Article, ArticleVote

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db: None) -> Article:
    return Article.objects.create(
        slug="cancel-membership",
        title="How to cancel your APN membership",
        body="Open a case under **APN Program Fee and Renewal**.\n\n<script>alert(1)</script>\n\n"
        "[bad](javascript:alert(1)) [good](https://example.com)",
    )


def test_articles_need_sign_in_and_unknown_is_not_found(client, member, client_for, article):
    url = reverse("support:article", args=[article.slug])
    assert client.get(url).status_code == 302
    assert client_for(member).get(reverse("support:article", args=["nope"])).status_code == 404
    article.published = False
    article.save()
    assert client_for(member).get(url).status_code == 404


def test_markdown_is_rendered_and_sanitised(member, client_for, article) -> None:
    body = client_for(member).get(reverse("support:article", args=[article.slug])).content
    text = body.decode()
    assert "<strong>APN Program Fee and Renewal</strong>" in text
    assert "<script>alert(1)</script>" not in text and 'href="javascript' not in text
    assert 'href="https://example.com"' in text


def test_search_and_suggestions(member, client_for, article) -> None:
    Article.objects.create(slug="other", title="Linking accounts", body="Link Account steps")
    found = client_for(member).get(reverse("support:articles"), {"q": "cancel membership"})
    text = found.content.decode()
    assert "How to cancel your APN membership" in text and "Linking accounts" not in text
    suggested = client_for(member).get(
        reverse("support:suggestions"), {"subject": "We want to cancel"}
    )
    assert "How to cancel your APN membership" in suggested.content.decode()
    create = client_for(member).post(
        reverse("support:create"), {"subject": "cancel membership", "refresh": "1"}
    )
    assert "Suggested articles" in create.content.decode()
    # The assistant is offered with the subject typed so far.
    assert "Ask AWS Partner Assistant" in create.content.decode()
    assert "/support/assistant/?q=cancel%20membership" in create.content.decode()


def test_was_this_helpful(member, lead, client_for, article) -> None:
    url = reverse("support:rate", args=[article.slug])
    client_for(member).post(url, {"helpful": "yes"})
    client_for(member).post(url, {"helpful": "no"})  # changes the answer
    client_for(lead).post(url, {"helpful": "yes"})
    assert ArticleVote.objects.count() == 2
    page = client_for(member).get(reverse("support:article", args=[article.slug]))
    assert "1 of 2 found this helpful." in page.content.decode()


def test_articles_are_contributed_to_search_and_the_assistant(article) -> None:
    for slot in ("assistant.knowledge", "search.documents"):
        documents = [d for source in contributed(slot) for d in source()]
        ours = [d for d in documents if d["type"] == "support.article"]
        assert ours[0]["title"] == "How to cancel your APN membership"
        assert ours[0]["company_id"] is None and "<strong>" not in ours[0]["body"]
        assert ours[0]["url"] == reverse("support:article", args=[article.slug])


def test_staff_write_articles_in_the_admin(admin_client) -> None:
    response = admin_client.post(
        reverse("admin:support_article_add"),
        {"slug": "new", "title": "New article", "body": "Text", "published": "on"},
    )
    assert response.status_code == 302
    from allyport.audit.models import AuditEvent

    assert AuditEvent.objects.filter(event_name="CreateArticle").count() == 1


def test_the_support_page_lists_articles_as_staff_publish_them(
    member, client_for, django_capture_on_commit_callbacks
) -> None:
    from allyport.access.actor import Actor
    from allyport.support import services

    client = client_for(member)
    assert "No articles yet." in client.get(reverse("support:home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        made = services.save_article(Actor.system(), Article(slug="a", title="Fresh", body="x"))
    assert "Fresh" in client.get(reverse("support:home")).content.decode()
    made.published = False
    with django_capture_on_commit_callbacks(execute=True):
        services.save_article(Actor.system(), made)
    assert "Fresh" not in client.get(reverse("support:home")).content.decode()


def test_staff_keep_the_case_lists_in_the_admin(admin_client) -> None:
    from allyport.audit.models import AuditEvent
    from allyport.support.models import Topic

    funding = Topic.objects.get(parent=None, key="funding")
    response = admin_client.post(
        reverse("admin:support_topic_add"),
        {"parent": funding.pk, "key": "map", "name": "Migration Acceleration", "position": 9,
         "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert funding.children.filter(name="Migration Acceleration").exists()
    event = AuditEvent.objects.get(event_name="CreateCaseTopic")
    assert event.record["requestParameters"]["parent"] == "funding"
