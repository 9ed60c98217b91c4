"""Help articles: search, read, and "Was this article helpful?"."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page
from allyport.support import selectors, services
from allyport.support.markdown import render as render_markdown
from allyport.support.models import Article


@member_page()
@require_GET
def articles(request: ActorRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200].strip()
    found = (
        selectors.search_articles(query)
        if query
        else list(selectors.published_articles().only("slug", "title"))
    )
    return render(request, "support/articles.html", {"articles": found, "q": query})


def _article(slug: str) -> Article:
    article = selectors.published_articles().filter(slug=slug[:100]).first()
    if article is None:
        raise Http404
    return article


@member_page()
@require_GET
def article(request: ActorRequest, slug: str) -> HttpResponse:
    found = _article(slug)
    context = {
        "article": found,
        "html": render_markdown(found.body),
        "votes": selectors.votes(found),
        "voted": found.votes.filter(user=request.actor.user).first(),
    }
    return render(request, "support/article.html", context)


@member_page()
@require_POST
def rate(request: ActorRequest, slug: str) -> HttpResponse:
    found = _article(slug)
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        messages.error(request, _("Choose Yes or No."))
    else:
        services.rate_article(request.actor, found, answer == "yes")
        messages.success(request, _("Thank you for your feedback."))
    return redirect("support:article", slug=found.slug)
