"""The sign-in backend loads a member, their company and their roles in one query, and
the instances it builds are the ones the ORM would build."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from allyport.accounts.backends import MemberBackend, load_member
from allyport.accounts.models import Company, User
from allyport.testing import make_user


def _fields(instance: object) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}  # type: ignore[attr-defined]


def test_a_member_comes_with_company_and_roles_in_one_query(company: Company) -> None:
    user = make_user(company, "ace_user", "cloud_admin")
    with CaptureQueriesContext(connection) as queries:
        loaded = MemberBackend().get_user(user.pk)
        assert loaded is not None
        assert loaded.company is not None
        assert loaded.loaded_roles == frozenset({"ace_user", "cloud_admin"})  # type: ignore[attr-defined]
        assert loaded.company.legal_name == company.legal_name
    assert len(queries) == 1


def test_the_loaded_member_equals_the_orm_member(company: Company, lead: User) -> None:
    company.paths = ["SOFTWARE", "SERVICES"]
    company.customer_segments = ["ENTERPRISE"]
    company.save()
    loaded = load_member(lead.pk)
    expected = User.objects.select_related("company").get(pk=lead.pk)
    assert _fields(loaded) == _fields(expected)
    assert _fields(loaded.company) == _fields(expected.company)  # type: ignore[union-attr]
    assert loaded.company.paths == ["SOFTWARE", "SERVICES"]  # type: ignore[union-attr]  # JSON decoded
    assert loaded.date_joined.tzinfo is not None  # type: ignore[union-attr]  # aware, as the ORM's
    assert not loaded._state.adding  # type: ignore[union-attr]  # saved instances, as from the ORM


def test_staff_without_company_or_roles(db: None) -> None:
    staff = User.objects.create_superuser("ops@staff.example", "Ops!Pass12")
    loaded = load_member(staff.pk)
    assert loaded is not None and loaded.company is None
    assert loaded.loaded_roles == frozenset()  # type: ignore[attr-defined]


def test_unknown_or_malformed_ids_are_nobody(db: None) -> None:
    assert load_member(987654) is None
    assert load_member("not-a-number") is None
    assert MemberBackend().get_user(None) is None


def test_a_deactivated_member_is_not_signed_in(company: Company) -> None:
    user = make_user(company, "standard_user")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert MemberBackend().get_user(user.pk) is None
