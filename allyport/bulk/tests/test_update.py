"""Bulk update from an edited export (LastModifiedDate guards each row) and bulk
transfer of a list of ids to one owner."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.bulk import exports
from allyport.bulk.tests.conftest import body, csv_bytes, read_csv, upload, xlsx_bytes
from allyport.core.spreadsheets import buffered
from allyport.jobs.models import BulkJob
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete
from allyport.testing import make_user


def _exported(actor: Actor) -> list[dict[str, str]]:
    """The rows of a CSV export as the file holds them (formula-like cells quoted)."""
    lines = exports.csv_lines(exports.export_rows(exports.pages(actor, "AWS", {})))
    rows = read_csv(b"".join(buffered(lines)))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _post(client: Client, name: str, data: dict[str, object]) -> BulkJob:
    response = client.post(reverse(name), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return BulkJob.objects.latest("created_at")


def _errors(client: Client, job: BulkJob) -> list[list[str]]:
    return read_csv(body(client.get(reverse("bulk:job_errors", args=[job.public_id]))))[1:]


def test_it_updates_from_an_edited_export_and_refuses_stale_rows(
    manager_client: Client, manager: Actor
) -> None:
    fresh = services.create_opportunity(manager, "AWS", complete(PartnerOpportunityIdentifier="a"))
    stale = services.create_opportunity(manager, "AWS", complete(PartnerOpportunityIdentifier="b"))
    rows = {row["Id"]: row for row in _exported(manager)}
    # Someone changes one of them after the export.
    payload = complete(PartnerOpportunityIdentifier="b-changed-meanwhile")
    services.update_opportunity(
        manager, "AWS", stale.public_id, payload, last_modified_date=stale.last_modified_date
    )
    for row in rows.values():
        row["Project.Title"] = "Edited in the spreadsheet"
        row["LifeCycle.NextSteps"] = ""  # an empty cell empties the field
    job = _post(
        manager_client,
        "bulk:update",
        {"catalog": "AWS", "file": upload("export.csv", csv_bytes(rows.values()))},
    )
    job.refresh_from_db()
    assert (job.status, job.rows, job.succeeded, job.failed) == ("done", 2, 1, 1)

    fresh.refresh_from_db()
    assert fresh.title == "Edited in the spreadsheet"
    assert "NextSteps" not in fresh.life_cycle
    # What the file does not change is kept: contacts, spend, the owner, the team.
    assert fresh.data["Customer"]["Contacts"][0]["Email"] == "buyer@example.com"
    assert fresh.partner_opportunity_identifier == "a"
    stale.refresh_from_db()
    assert stale.partner_opportunity_identifier == "b-changed-meanwhile"
    assert stale.title == "Data lake migration"
    [error] = _errors(manager_client, job)
    assert error[1:3] == [stale.public_id, "LastModifiedDate"]
    assert "changed since you read it" in error[3]


def test_an_update_keeps_list_items_beyond_the_first(
    manager_client: Client, manager: Actor
) -> None:
    payload = complete()
    payload["Customer"]["Contacts"][0]["Phone"] = "+12065550100"
    payload["Customer"]["Contacts"].append({"Email": "second@example.com", "FirstName": "Bo"})
    created = services.create_opportunity(manager, "AWS", payload)
    [row] = _exported(manager)
    assert row["Customer.Contacts[0].Phone"] == "'+12065550100"  # guarded in the file
    row["Customer.Contacts[0].FirstName"] = "Anna"
    job = _post(
        manager_client,
        "bulk:update",
        {"file": upload("e.xlsx", xlsx_bytes([row])), "catalog": "AWS"},
    )
    assert job.succeeded == 1
    created.refresh_from_db()
    contacts = created.data["Customer"]["Contacts"]
    assert [c["FirstName"] for c in contacts] == ["Anna", "Bo"]
    assert contacts[0]["Phone"] == "+12065550100"  # the guard is taken off again


def test_an_update_names_missing_and_foreign_opportunities(
    manager_client: Client, manager: Actor, outsider: User
) -> None:
    theirs = services.create_opportunity(actors.for_user(outsider), "AWS", complete())
    services.create_opportunity(manager, "AWS", complete())
    [mine] = _exported(manager)
    foreign, blank = dict(mine, Id=theirs.public_id), dict(mine, Id="")
    job = _post(
        manager_client,
        "bulk:update",
        {"catalog": "AWS", "file": upload("e.csv", csv_bytes([foreign, blank]))},
    )
    job.refresh_from_db()
    assert (job.rows, job.succeeded, job.failed) == (2, 0, 2)
    errors = _errors(manager_client, job)
    assert [e[2] for e in errors] == ["Id", "Id"]
    assert theirs.public_id in errors[0][3]
    theirs.refresh_from_db()
    assert theirs.title == "Data lake migration"


def test_an_update_file_needs_the_id_and_last_modified_date(manager_client: Client) -> None:
    content = b"Id,Project.Title\r\nO1234567890,x\r\n"
    response = manager_client.post(
        reverse("bulk:update"), {"catalog": "AWS", "file": upload("e.csv", content)}
    )
    assert "Missing columns: LastModifiedDate." in response.content.decode()
    assert not BulkJob.objects.exists()


def test_it_transfers_a_list_of_ids_to_one_owner(
    manager_client: Client, manager: Actor, company: object
) -> None:
    new_owner = make_user(company, "ace_user", email="next@octank.example")  # type: ignore[arg-type]
    first = services.create_opportunity(manager, "AWS", complete())
    second = services.create_opportunity(manager, "AWS", complete())
    job = _post(
        manager_client,
        "bulk:transfer",
        {
            "catalog": "AWS",
            "assignee": new_owner.public_id,
            "identifiers": f"{first.public_id}\n{second.public_id}, O1111111111",
        },
    )
    job.refresh_from_db()
    assert (job.status, job.rows, job.succeeded, job.failed) == ("done", 3, 2, 1)
    assert set(Opportunity.objects.values_list("owner", flat=True)) == {new_owner.pk}
    first.refresh_from_db()
    assert new_owner.email in [m["Email"] for m in first.data["OpportunityTeam"]]
    [error] = _errors(manager_client, job)
    assert error[:3] == ["4", "O1111111111", "Id"]


def test_it_transfers_the_ids_of_an_uploaded_export(
    manager_client: Client, manager: Actor, company: object
) -> None:
    new_owner = make_user(company, "ace_manager", email="next@octank.example")  # type: ignore[arg-type]
    services.create_opportunity(manager, "AWS", complete())
    content = csv_bytes(_exported(manager))
    job = _post(
        manager_client,
        "bulk:transfer",
        {"catalog": "AWS", "assignee": new_owner.public_id, "file": upload("e.csv", content)},
    )
    job.refresh_from_db()
    assert (job.succeeded, job.failed) == (1, 0)
    assert Opportunity.objects.get().owner == new_owner


def test_a_transfer_form_shows_every_problem_at_once(
    manager_client: Client, client_for: Callable[[User], Client]
) -> None:
    response = manager_client.post(
        reverse("bulk:transfer"), {"catalog": "AWS", "assignee": "", "identifiers": "X1 O12"}
    )
    text = response.content.decode()
    assert "These are not opportunity ids: X1." in text
    assert 'id="id_assignee_error"' in text
    assert not BulkJob.objects.exists()
