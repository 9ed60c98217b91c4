"""Demo AWS Partner Assistant (`manage.py load_demo`): Northwind's linked account, a
short conversation with a thumbs up, a thumbs down with its reason, and a rating, so
the panel shows a conversation and /staff/assistant/ shows feedback. Octank is not
linked yet: its people see why and the Link Account link."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.assistant.services import conversations, feedback
from allyport.marketplace.models import AccountLink
from allyport.marketplace.services.linking import link_for_operator

QUESTIONS = (
    "How do I submit an opportunity?",
    "How do I enroll in a path?",
    "What is the weather like in Seattle?",
)


def load_assistant_demo(northwind: Company) -> list[str]:
    if not AccountLink.objects.filter(company=northwind).exists():
        link_for_operator(northwind)
    lead = Actor.for_member(User.objects.get(email="lead@northwind.example"))
    asked = [conversations.ask(lead, question) for question in QUESTIONS]
    feedback.vote(lead, asked[0].pk, True)
    feedback.explain_vote(lead, asked[2].pk, "not_relevant", "I wanted the event venue.")
    feedback.rate(lead, 4, "Quick answers with links.")
    return [
        "AWS Partner Assistant: the purple icon at the bottom right of every page. Northwind "
        "is linked (lead@northwind.example has a conversation); Octank must Link Account "
        "first. Staff see feedback and unanswered questions at /staff/assistant/."
    ]
