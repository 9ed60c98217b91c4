"""Factories and standing personas for tests: a lead, a member, an outsider.

A pytest plugin (see the root conftest): `lead`, `member`, `outsider` and the
`client_for` helper are fixtures in every test module.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from allyport.access.actor import system
from allyport.accounts import backends
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company, create_member
from allyport.cloud import services as cloud
from allyport.cloud.models import AccessKey, CloudAccount, IamUser
from allyport.core import fragments
from allyport.marketplace.services.linking import link_for_operator

PASSWORD = "Test!Pass1"
_counter = itertools.count(1)


def make_company(
    name: str | None = None, *, stage: str = "Registered", mfa: bool = False,
    paths: list[str] | None = None, domain: str | None = None,
) -> tuple[Company, User]:  # fmt: skip
    """A company with its alliance lead (lead@<domain>)."""
    n = next(_counter)
    domain = domain or f"company{n}.example"
    return create_company(
        domain, name or f"Company {n}", f"lead@{domain}", PASSWORD,
        stage=stage, mfa=mfa, paths=paths,
    )  # fmt: skip


def make_user(company: Company, *roles: str, email: str | None = None) -> User:
    domain = company.domains.first().domain  # type: ignore[union-attr]
    email = email or f"user{next(_counter)}@{domain}"
    return create_member(company, email, PASSWORD, list(roles) or ["standard_user"])


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    """allauth's rate-limit counters live in the cache, kept pages in the cache and in
    memory: each test starts clean."""
    cache.clear()
    fragments.forget_all()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request through the test client leaves its language active in the thread (the
    locale middleware activates, nothing deactivates): each test starts and ends in the
    default language, so one test's Japanese page cannot write another's records in it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def company(db: None) -> Company:
    return make_company("Octank", domain="octank.example")[0]


@pytest.fixture
def lead(company: Company) -> User:
    return User.objects.get(email="lead@octank.example")


@pytest.fixture
def member(company: Company) -> User:
    return make_user(company, "standard_user", email="member@octank.example")


@pytest.fixture
def outsider(db: None) -> User:
    return make_company("Northwind", domain="northwind.example")[1]


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def build(user: User) -> Client:
        client = Client()
        client.force_login(user, backend=backends.PATH)
        return client

    return build


# --- kept pages (core.fragments) --------------------------------------------------


def page_text(client: Client, url: str) -> str:
    """A page's HTML with runs of white space made one, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", response.content.decode())


def kept_page_text(client: Client, url: str) -> str:
    """The page's second view: drawn once, kept, and served from the kept copy now."""
    page_text(client, url)
    return page_text(client, url)


def csrf_browsers(user: User, count: int = 2) -> list[Client]:
    """Browsers signed in as the same member, each with its own CSRF cookie, checked."""
    browsers = [Client(enforce_csrf_checks=True) for _ in range(count)]
    for browser in browsers:
        browser.force_login(user, backend=backends.PATH)
    return browsers


# --- the embedded cloud ----------------------------------------------------------


def make_cloud_account(
    alias: str | None = None, admin: str = "admin"
) -> tuple[CloudAccount, IamUser]:
    """A cloud account and its first IAM user (AdministratorAccess, password PASSWORD)."""
    from allyport.cloud.services import create_account

    account = create_account(alias or f"account-{next(_counter)}", admin, PASSWORD)
    return account, account.users.get(name=admin)


def make_iam_user(
    account: CloudAccount, name: str, *policy_arns: str, password: str = PASSWORD,
    inline: dict[str, Any] | None = None,
) -> IamUser:  # fmt: skip
    """An IAM user with these managed policies and, if given, one inline policy document."""
    import json

    from allyport.access.actor import system
    from allyport.cloud import services

    user = services.create_user(system(), account, name, password)
    for arn in policy_arns:
        services.attach_policy(system(), user, arn)
    if inline is not None:
        services.put_inline_policy(system(), user, "inline", json.dumps(inline))
    return user


def cloud_client(user: IamUser, password: str = PASSWORD) -> Client:
    """A client signed in to the cloud console as `user`, through the sign-in page."""
    client = Client()
    response = client.post(
        "/cloud/",
        {"account_id": user.account.account_id, "user_name": user.name, "password": password},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


@pytest.fixture
def cloud_admin(db: None) -> IamUser:
    """The administrator (AdministratorAccess) of a fresh cloud account, "octank-cloud"."""
    return make_cloud_account("octank-cloud")[1]


def run_at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Each call in its own thread, released together; each result or exception
    (the concurrency tests, against PostgreSQL)."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(calls))
    outcomes: list[Any] = [None] * len(calls)

    def work(index: int) -> None:
        try:
            barrier.wait()
            outcomes[index] = calls[index]()
        except Exception as exc:  # the outcome under test
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


class AllowingPrincipal:
    """An IAM principal whose policies allow every request: services' tests that act as
    an API caller already let through, without building a cloud account."""

    account_id = ""
    arn = "arn:aws:iam::000000000000:user/tests"
    access_key_id = ""

    def check(self, action: str, resource: str = "*", context: Any = None) -> Any:
        from allyport.cloud.policy import Result

        return Result("allowed")

    def refusal(self, action: str, resource: str, result: Any) -> str:
        return ""

    def user_identity(self) -> dict[str, Any]:
        return {"type": "IAMUser", "principalId": "AIDATESTS", "arn": self.arn,
                "accountId": self.account_id, "accessKeyId": "", "userName": "tests"}  # fmt: skip


# --- API credentials (the Selling API's tests and any test acting through a key) ---

FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"
SANDBOX_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess"


@dataclass
class ApiCredentials:
    company: Company | None
    user: IamUser
    key: AccessKey
    secret: str

    @property
    def key_id(self) -> str:
        return self.key.access_key_id


def make_credentials(policy: str = FULL_ACCESS, linked: bool = True) -> ApiCredentials:
    """An IAM user with `policy` and an access key, in a cloud account linked to a new
    company (or in an account linked to none)."""
    company: Company | None = None
    if linked:
        company = make_company()[0]
        account = link_for_operator(company).account
    else:
        account = CloudAccount.objects.create(alias=f"unlinked-{uuid.uuid4().hex[:12]}")
    user = cloud.create_user(system(), account, "api")
    cloud.attach_policy(system(), user, policy)
    key, secret = cloud.create_access_key(system(), user)
    return ApiCredentials(company, user, key, secret)


# --- languages ---------------------------------------------------------------------


@pytest.fixture
def fake_translations() -> Any:
    """`fake_translations("ja", {"Save": "保存"})`: translations a test may rely on
    whatever the catalogues hold yet; every cached translation is dropped afterwards."""
    from django.utils.translation import trans_real

    from allyport.access import navigation

    def add(language: str, entries: dict[str, str]) -> None:
        catalog = trans_real.translation(language)._catalog  # type: ignore[attr-defined]
        for msgid, msgstr in entries.items():
            catalog[msgid] = msgstr
        navigation._header.cache_clear()  # the top bar is cached per language

    yield add
    trans_real._translations = {}  # type: ignore[attr-defined]
    trans_real._default = None  # type: ignore[attr-defined]
    trans_real.deactivate()  # the thread may still hold a faked catalogue
    navigation._header.cache_clear()
