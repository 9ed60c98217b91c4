"""One company, a member who signs in, API credentials and a signed-in session, written
by this process (Django set up on the run's database)."""

from __future__ import annotations

from dataclasses import dataclass

PASSWORD = "Faults!Pass1"
MEMBER = "manager@faults.example"
FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"


@dataclass
class Seed:
    member_email: str
    member_public_id: str
    key_id: str
    secret: str
    session: dict[str, str]  # the signed-in browser's cookies


def seed() -> Seed:
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from allyport.access.actor import system
    from allyport.accounts.services.operators import create_company, create_member
    from allyport.cloud import services as cloud
    from allyport.marketplace.services.linking import link_for_operator

    call_command("migrate", verbosity=0)
    company, _lead = create_company("faults.example", "Faults Inc", "lead@faults.example", PASSWORD)
    member = create_member(company, MEMBER, PASSWORD, ["ace_manager"])
    account = link_for_operator(company).account
    user = cloud.create_user(system(), account, "api")
    cloud.attach_policy(system(), user, FULL_ACCESS)
    key, secret = cloud.create_access_key(system(), user)
    browser = Client()
    browser.force_login(member)
    session = {settings.SESSION_COOKIE_NAME: browser.cookies[settings.SESSION_COOKIE_NAME].value}
    return Seed(MEMBER, member.public_id, key.access_key_id, secret, session)
