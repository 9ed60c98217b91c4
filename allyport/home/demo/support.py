"""Demo support centre (`manage.py load_demo`): help articles, a support staff
member, and Octank's cases — one answered by staff, one resolved, one with an
internal note — so Support > Contact Support and /staff/support/ show data."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.support import services
from allyport.support.models import Article, Topic

ARTICLES = (
    ("cancel-apn-membership", "How do I cancel my APN membership?",
     "Open a new case in **Support > Contact Support**.\n\n"
     "1. For **Type of Case**, choose *APN Program Fee and Renewal*.\n"
     "2. For **Question Type**, choose *Renewal*.\n"
     "3. For **Get Specific**, choose *Downgrade my APN Membership*.\n"),
    ("locked-out", "I'm locked out of Partner Central. How do I get support?",
     "Use the **Locked out?** link on the sign-in page and complete the contact form. "
     "Our team answers by email."),
    ("unlink-account", "How do I unlink my AWS Marketplace account?",
     "The alliance lead or a cloud admin chooses **Unlink account** on the linked account "
     "page, types `confirm` and opens the support case. Staff complete the request."),
    ("opportunity-review", "Why is my opportunity still in review?",
     "Submitted opportunities are reviewed by AWS. If the review asks for changes the status "
     "becomes *Action Required*; update the opportunity and submit it again."),
)  # fmt: skip


def _new_case(key: str, question: str, subject: str, description: str) -> services.NewCase:
    case_type = Topic.objects.get(parent=None, key=key)
    chosen = case_type.children.get(key=question)
    specific = chosen.children.first()
    return services.NewCase(
        case_type=str(case_type.pk), question_type=str(chosen.pk),
        specific=str(specific.pk) if specific else "", subject=subject, description=description,
    )  # fmt: skip


def load_support_demo(password: str) -> list[str]:
    system = Actor.system()
    for slug, title, body in ARTICLES:
        services.save_article(system, Article(slug=slug, title=title, body=body))
    agent = User.objects.create_user(
        email="support@allyport.example", password=password, is_staff=True, first_name="Sam"
    )
    staff = Actor.for_staff(agent)
    lead = Actor.for_member(User.objects.get(email="alliance_lead@octank.example"))
    ace = Actor.for_member(User.objects.get(email="ace_user@octank.example"))
    renewal = services.create_case(
        lead, _new_case("apn-fee", "renewal", "Downgrade our APN membership",
                        "We would like to move to the free tier from next month."),
        [SimpleUploadedFile("invoice.txt", b"Invoice 2026-001: APN program fee\n")],
    )  # fmt: skip
    services.assign_case(staff, renewal, agent)
    services.add_note(staff, renewal, "Check the renewal date before downgrading.")
    services.add_message(staff, renewal, "Done from your next renewal. Anything else?")
    pipeline = services.create_case(
        ace, _new_case("ace-pipeline", "opportunities", "Opportunity stuck in review",
                       "O1234567890 has been in review for two weeks."),
    )  # fmt: skip
    services.resolve_case(ace, pipeline)
    services.create_case(
        ace, _new_case("account-access", "users-roles", "Need the ACE manager role",
                       "Who in our company can grant the ACE manager role?"),
    )  # fmt: skip
    return [
        "Support: Octank has cases under Support > Contact Support; staff answer them at "
        f"/staff/support/ (support@allyport.example, password {password})."
    ]
