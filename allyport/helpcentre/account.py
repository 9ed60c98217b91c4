"""Questions about the company's own records ("When is my tier renewal date?", "What
stage are we at?"): where to find the answer, and a read-only answer from the
company's records when the actor's roles let them see that page. The records are
read through the owning apps' selectors, after the same `authorize` decision their
pages make; what the roles may not see is never read, let alone shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import authorize
from allyport.access.model import access_model
from allyport.helpcentre.models import Passage
from allyport.helpcentre.services.answers import ACCOUNT, Answer, Citation

# A question about one's own records asks for a value of the company's ("When is my
# tier renewal date?"), not how or where to find it ("Where can I find my tier
# renewal date?" is answered from the help centre).
_HOW_OR_WHERE = re.compile(r"\b(?:where|how\s+(?:do|can|to|should|would))\b", re.I)
_OWN = r"(?:my|our)(?:\s+company'?s?)?"


@dataclass(frozen=True)
class Topic:
    name: str
    pattern: re.Pattern[str]
    help_key: str  # the help centre passage that says where to find it
    compose: Callable[[Actor], tuple[str, list[Citation]]]


def _help(key: str) -> Passage | None:
    return Passage.objects.filter(key=f"helpcentre:{key}").first()


def _day(value: date) -> str:
    return value.isoformat()


def _next_year(value: date) -> date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


def _renewal(actor: Actor) -> tuple[str, list[Citation]]:
    page = Citation(_("Program fee"), reverse("profiles:fee"))
    if not authorize(actor, "pay_program_fee"):
        text = _(
            "Your roles do not include the program fee, so I cannot show your company's "
            "bills. Your alliance lead or alliance team can see the renewal date on "
            "My Company > Program fee."
        )
        return text, []
    from allyport.profiles.selectors.company import fees

    assert actor.company is not None  # answer_for asks members only
    bills = fees(actor.company)
    if not bills:
        text = _(
            "Your company has no program fee bill yet (stage %(stage)s). The fee is billed "
            "when the company confirms a path, and renews every year after that. Your bills "
            "will be listed on My Company > Program fee: %(url)s"
        ) % {"stage": actor.stage or "", "url": page.url}
        return text, [page]
    latest = bills[0]
    text = _(
        "Your company's latest program fee bill covers the year from %(start)s: "
        "%(amount)s %(currency)s, %(status)s, due %(due)s. Your membership renews on "
        "%(renewal)s, when the next year's fee is billed.\n\nYour bills are on "
        "My Company > Program fee: %(url)s"
    ) % {
        "start": _day(latest.period_start),
        "amount": latest.amount,
        "currency": latest.currency,
        "status": latest.get_status_display(),
        "due": _day(latest.due_at.date()),
        "renewal": _day(_next_year(latest.period_start)),
        "url": page.url,
    }
    return text, [page]


def _stage(actor: Actor) -> tuple[str, list[Citation]]:
    # The home page shows every member the company's stage and paths.
    paths = ", ".join(sorted(actor.paths)) or _("none yet")
    text = _(
        "Your company is at the %(stage)s stage. Its paths: %(paths)s.\n\nThe home page "
        "shows them under Your company; Company Profile > Products & Services keeps the "
        "stage history."
    ) % {"stage": actor.stage or _("Registered"), "paths": paths}
    return text, [Citation(_("Home"), reverse("home"))]


def _paths(actor: Actor) -> tuple[str, list[Citation]]:
    paths = ", ".join(sorted(actor.paths))
    if paths:
        text = _("Your company is enrolled in: %(paths)s.") % {"paths": paths}
    else:
        text = _("Your company is not enrolled in a path yet.")
    text += "\n\n" + _(
        "Paths are chosen on My Company > Company Profile > Products & Services, by the "
        "alliance lead, alliance team or marketing staff."
    )
    return text, [Citation(_("Home"), reverse("home"))]


def _roles(actor: Actor) -> tuple[str, list[Citation]]:
    model = access_model()
    names = sorted(model.role_name(key) for key in actor.roles if key in model.roles)
    text = _("Your roles: %(roles)s.") % {"roles": ", ".join(names) or _("none")}
    text += "\n\n" + _(
        "Your alliance lead or alliance team can change them on My Company > User Management."
    )
    return text, [Citation(_("My Profile"), reverse("accounts:profile"))]


def _alliance_lead(actor: Actor) -> tuple[str, list[Citation]]:
    # Every member may open "View alliance lead and Request Change".
    from allyport.accounts.selectors import alliance_lead

    page = Citation(_("View alliance lead and Request Change"), reverse("accounts:alliance_lead"))
    lead = alliance_lead(actor)
    if lead is None:
        return _("Your company has no alliance lead at the moment."), [page]
    name = lead.get_full_name() or lead.email
    text = _(
        "Your alliance lead is %(name)s (%(email)s).\n\nTo ask for a change, open My Company > "
        "View alliance lead and Request Change: %(url)s"
    ) % {"name": name, "email": lead.email, "url": page.url}
    return text, [page]


def _asks(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("OWN", _OWN), re.I)


TOPICS = (
    Topic(
        "renewal",
        _asks(
            r"\b(?:when|what)\b.*\bOWN\s+(?:\w+\s+){0,2}(?:renewal|program\s+fee|apn\s+fee|"
            r"bill|invoice)|\bwhen\s+(?:do|does|will)\s+(?:we|i|OWN\s+\w+)\s+(?:renew|pay)|"
            r"\bhow\s+much\s+do\s+we\s+owe"
        ),
        "program-fee#renewal",
        _renewal,
    ),
    Topic(
        "alliance_lead",
        _asks(r"\bwho\s+is\s+OWN\s+alliance\s+lead"),
        "alliance-lead#view",
        _alliance_lead,
    ),
    Topic(
        "paths",
        _asks(
            r"\b(?:what|which)\s+paths?\s+(?:is|are|has|have)\s+(?:we|OWN)|\bwhat\s+(?:is|are)\s+OWN\s+paths?\b"
        ),
        "paths-and-stages#paths",
        _paths,
    ),
    Topic(
        "stage",
        _asks(r"\b(?:what|which)\s+stage\s+(?:is|are)\s+(?:we|OWN)|\bwhat\s+is\s+OWN\s+stage\b"),
        "paths-and-stages#stages",
        _stage,
    ),
    Topic(
        "roles",
        _asks(
            r"\b(?:what|which)\s+roles?\s+(?:do|have)\s+i\s+(?:have|hold|got)|\bwhat\s+(?:is|are)\s+my\s+roles?\b"
        ),
        "roles#alliance-lead",
        _roles,
    ),
)


def topic_of(question: str) -> Topic | None:
    if _HOW_OR_WHERE.search(question):
        return None
    return next((topic for topic in TOPICS if topic.pattern.search(question)), None)


def answer_for(actor: Actor, question: str, note: str) -> Answer | None:
    topic = topic_of(question)
    if topic is None or not actor.is_member:
        return None
    text, pages = topic.compose(actor)
    passage = _help(topic.help_key)
    citations = list(pages)
    ids: tuple[int, ...] = ()
    if passage is not None:
        citations.append(Citation(f"{passage.title} — {passage.heading}", passage.url))
        ids = (passage.pk,)
    return Answer(ACCOUNT, text, tuple(citations), ids, note)
