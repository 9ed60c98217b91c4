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


def test_a_signed_in_request_reads_session_and_member_in_one_query(client_for, member) -> None:  # type: ignore[no-untyped-def]
    client = client_for(member)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/ping/session")
    assert answer.content.decode() == member.public_id
    assert len(queries) == 1, [q["sql"][:120] for q in queries]


def test_the_session_names_its_member(client_for, member) -> None:  # type: ignore[no-untyped-def]
    from allyport.accounts.models import MemberSession

    client = client_for(member)
    session = MemberSession.objects.get(session_key=client.cookies["sessionid"].value)
    assert session.user_id == member.pk


def test_roles_changed_since_the_last_request_apply_to_the_next(client_for, company, lead) -> None:  # type: ignore[no-untyped-def]
    from allyport.access import actor as actors
    from allyport.accounts.services.roles import RoleChange, apply_role_changes

    colleague = make_user(company, "standard_user")
    client = client_for(colleague)
    assert client.get("/sell/opportunities/").status_code == 403
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, add=("ace_user",))]
    )
    assert result.ok
    assert client.get("/sell/opportunities/").status_code == 200


def test_a_deactivated_member_is_signed_out_at_the_next_request(client_for, member) -> None:  # type: ignore[no-untyped-def]
    client = client_for(member)
    assert client.get("/ping/session").status_code == 200
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert client.get("/ping/session").status_code == 401


def test_a_changed_password_ends_other_sessions(client_for, member) -> None:  # type: ignore[no-untyped-def]
    client = client_for(member)
    member.set_password("An0ther!Passw0rd")
    member.save()
    assert client.get("/ping/session").status_code == 401


def test_an_expired_or_unknown_session_is_nobody(client_for, member) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from allyport.accounts.models import MemberSession

    client = client_for(member)
    key = client.cookies["sessionid"].value
    MemberSession.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert client.get("/ping/session").status_code == 401
    client.cookies["sessionid"] = "x" * 32
    assert client.get("/ping/session").status_code == 401


def test_the_member_loaded_with_a_session_is_handed_over_once_and_only_for_its_id(
    client_for, member, lead
) -> None:  # type: ignore[no-untyped-def]
    from allyport.accounts import sessions

    store = sessions.SessionStore(client_for(member).cookies["sessionid"].value)
    store.load()
    assert sessions.take_member(lead.pk) is None  # another id: not this one
    store.load()
    taken = sessions.take_member(member.pk)
    assert taken is not None and taken.pk == member.pk
    assert sessions.take_member(member.pk) is None  # taken once
