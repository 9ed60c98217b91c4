"""The assistant's answers through the interface the chat panel calls, scored on a
part of the evaluation set (bench/assistant.py runs all of it)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from allyport.helpcentre.evaluation.runner import failures, load_cases, run
from allyport.helpcentre.services.answers import SUGGESTED_PROMPTS, answer
from allyport.profiles.models import ProgramFee

pytestmark = pytest.mark.django_db

SAMPLE = (
    "register-company", "mfa-enable", "invite-users", "enroll-path", "renewal-where",
    "cancel-membership", "apply-program", "submit-opportunity", "leads-expire",
    "link-account", "assistant-languages", "act-enroll", "act-apply-msp", "act-mfa",
    "act-invite", "acct-renewal-member", "acct-roles", "acct-lead", "lang-es",
    "nonsense-1",
)  # fmt: skip


def test_a_sample_of_the_evaluation_set_is_answered_correctly(loaded, lead_actor, member_actor):
    cases = [case for case in load_cases() if case.id in SAMPLE]
    assert len(cases) == len(SAMPLE)
    outcomes = run(cases, {"lead": lead_actor, "member": member_actor})
    assert failures(outcomes) == []


def test_evaluation_set_covers_what_the_guide_asks_for():
    cases = load_cases()
    assert len(cases) >= 60
    assert sum(case.kind == "action_declined" for case in cases) >= 8
    assert any(case.kind == "account" for case in cases)
    assert len({case.id for case in cases}) == len(cases)


def test_answer_cites_the_section_it_quotes(loaded, member_actor):
    reply = answer(member_actor, "How do I enroll in a path?")
    assert reply.kind == "answer"
    assert reply.citations[0].url == "/help/paths-and-stages/#enroll"
    assert "Products & Services" in reply.text
    assert "**" not in reply.text  # plain text, no Markdown
    assert reply.passage_ids and reply.note == ""


def test_request_to_act_is_declined_never_claims_to_have_acted(loaded, lead_actor):
    reply = answer(lead_actor, "Enroll us in the Software path.")
    assert reply.kind == "action_declined"
    assert "never change anything" in reply.text
    assert "/help/paths-and-stages/#enroll" in reply.text
    assert "enrolled" not in reply.text.lower().split("\n\n")[0]


def test_question_in_another_language_gets_the_english_answer_and_the_note(loaded, member_actor):
    reply = answer(member_actor, "¿Cómo activo MFA para mi empresa?")
    assert reply.kind == "answer"
    assert "Security" in reply.text
    assert "Only English is supported" in reply.note


def test_unanswerable_question_says_so(loaded, member_actor):
    reply = answer(member_actor, "Recommend a good pizza place in Seattle.")
    assert reply.kind == "unanswered"
    assert "couldn't find an answer" in reply.text
    assert reply.citations == () and reply.passage_ids == ()


def _bill(company) -> ProgramFee:  # type: ignore[no-untyped-def]
    now = timezone.now()
    return ProgramFee.objects.create(
        company=company,
        period_start=date(2026, 3, 1),
        amount=Decimal("2500.00"),
        paying_account_id="123456789012",
        billed_at=now,
        due_at=now + timedelta(days=90),
    )


def test_account_question_answers_from_the_company_records(loaded, company, lead_actor):
    _bill(company)
    reply = answer(lead_actor, "When is my tier renewal date?")
    assert reply.kind == "account"
    assert "2027-03-01" in reply.text and "2026-03-01" in reply.text
    assert [c.url for c in reply.citations] == [
        "/company/program-fee/",
        "/help/program-fee/#renewal",
    ]


def test_account_question_never_shows_what_the_roles_may_not_see(loaded, company, member_actor):
    _bill(company)
    reply = answer(member_actor, "When is my tier renewal date?")
    assert reply.kind == "account"
    assert "Your roles do not include the program fee" in reply.text
    assert "2027" not in reply.text and "2500" not in reply.text
    assert "/company/program-fee/" not in [c.url for c in reply.citations]


def test_account_answers_read_only_the_actors_company(loaded, lead_actor, outsider):
    reply = answer(lead_actor, "Who is our alliance lead?")
    assert "lead@octank.example" in reply.text
    assert outsider.email not in reply.text


def test_where_to_find_question_is_general_guidance_not_records(loaded, company, lead_actor):
    _bill(company)
    reply = answer(lead_actor, "Where can I find my tier renewal date?")
    assert reply.kind == "answer"
    assert "2027-03-01" not in reply.text
    assert reply.citations[0].url == "/help/program-fee/#renewal"


def test_suggested_prompts_are_translatable_strings():
    assert len(SUGGESTED_PROMPTS) >= 4
    assert all(str(prompt).endswith("?") for prompt in SUGGESTED_PROMPTS)


def test_secrets_in_the_question_do_not_reach_the_answer(loaded, member_actor):
    reply = answer(member_actor, "My key AKIAIOSFODNN7EXAMPLE fails, how do I reset my password?")
    assert "AKIAIOSFODNN7EXAMPLE" not in reply.text
