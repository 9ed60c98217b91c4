"""Where API bulk jobs read their files: the portal's own file URIs (from the
database, per company) and https:// hosts the operator lists (size cap, the
webhooks' address guard); everything else is a ValidationException naming the field."""

from __future__ import annotations

import http.client
import http.server
import io
import threading
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.awsapi.tests.conftest import make_credentials
from allyport.bulk import api_jobs, files
from allyport.bulk.sources import read_source
from allyport.bulk.tests.conftest import csv_bytes, good_row
from allyport.cloud.principals import IamPrincipal
from allyport.jobs.models import BulkJob
from allyport.jobs.sources import SourceProblem
from allyport.shapes.validation import InvalidRequest
from allyport.testing import make_user

FIELD = "FileUri"


def _fields(caught: Any) -> list[str]:
    return [field for field, _message, _code in caught.value.errors]


@pytest.fixture
def uploaded(company: Company) -> Any:
    member = actors.for_user(make_user(company, "ace_manager"))
    return files.upload(member, "leads.csv", io.BytesIO(b"a,b\r\n1,2\r\n" * 1000))


def test_a_portal_file_is_read_from_the_database_by_its_uri(
    company: Company, uploaded: Any
) -> None:
    source = read_source(company, files.uri(uploaded), field=FIELD)
    assert source.name == "leads.csv"
    with source.open() as stream:
        assert stream.read() == b"a,b\r\n1,2\r\n" * 1000


def test_another_companys_file_and_a_missing_one_are_not_found(
    uploaded: Any, outsider: User
) -> None:
    theirs = outsider.company
    assert theirs is not None
    missing = files.uri(uploaded).replace(uploaded.public_id, "bulkfile-0000000000000")
    for uri in (files.uri(uploaded), missing):
        with pytest.raises(InvalidRequest) as caught:
            read_source(theirs, uri, field=FIELD)
        assert _fields(caught) == [FIELD]
        assert "was found" in caught.value.message


@pytest.mark.parametrize(
    "uri",
    [
        "s3://bucket/key.csv",
        "https://files.example.com/key.csv",
        "http://127.0.0.1:8000/sell/bulk/",
        "https://127.0.0.1:8000/sell/bulk/",  # the portal's, but not a file
        "https://[::1/x.csv",
        "https://user:pw@files.example.com/key.csv",
    ],
)
def test_other_uris_name_the_field_and_say_what_is_accepted(company: Company, uri: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        read_source(company, uri, field=FIELD)
    assert _fields(caught) == [FIELD]


class _Server(http.server.BaseHTTPRequestHandler):
    body = b""
    length = True

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if self.path != "/exports/opps.csv":
            self.send_error(404)
            return
        self.send_response(200)
        if self.length:
            self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def remote(settings: Any) -> Iterator[str]:
    """A plain-http server standing for an https host (the connection the guard makes
    is replaced by a plain one to the checked address)."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ALLYPORT_BULK_FETCH_HOSTS = ["localhost"]

    def plain(_scheme: str, _host: str, port: int, address: str) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(address, port, timeout=5)

    with mock.patch("allyport.core.netguard.connection_to", plain):
        yield f"https://localhost:{server.server_port}/exports/opps.csv"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("length", [True, False])
def test_a_listed_host_is_fetched_with_a_size_cap(
    company: Company, remote: str, settings: Any, length: bool
) -> None:
    _Server.body, _Server.length = b"x" * (1024 * 1024 + 10), length
    source = read_source(company, remote, field=FIELD)
    assert source.name == "opps.csv"
    settings.ALLYPORT_BULK_MAX_UPLOAD_MB = 2
    with source.open() as stream:
        assert len(stream.read()) == 1024 * 1024 + 10
    settings.ALLYPORT_BULK_MAX_UPLOAD_MB = 1
    with pytest.raises(SourceProblem, match="larger than 1 MB"), source.open() as stream:
        stream.read()
    missing = read_source(company, remote.replace("opps", "gone"), field=FIELD)
    with pytest.raises(SourceProblem, match="HTTP 404"), missing.open():
        pass


def test_the_address_guard_refuses_private_addresses(
    company: Company, remote: str, settings: Any
) -> None:
    settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE = False
    source = read_source(company, remote, field=FIELD)
    with pytest.raises(SourceProblem, match="The address is not allowed"), source.open():
        pass


def _iam(company: Company) -> Actor:
    creds = make_credentials()
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    assert creds.company is not None
    return Actor.for_iam(principal, creds.company, source_ip="192.0.2.1")


def test_a_job_whose_file_cannot_be_read_fails_and_says_why(
    db: None, remote: str, settings: Any
) -> None:
    actor = _iam(Company())
    _Server.body, _Server.length = csv_bytes([good_row(1)]), True
    settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE = False
    job = api_jobs.start(actor, "AWS", remote)
    job.refresh_from_db()
    assert job.status == BulkJob.Status.FAILED
    assert "The address is not allowed" in job.message
    assert api_jobs.summary(job)["FailureReason"] == job.message
    assert api_jobs.summary(job)["OperationType"] is None  # the file was never read
    settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE = True
    done = api_jobs.start(actor, "AWS", remote)
    done.refresh_from_db()
    assert (done.status, done.kind, done.succeeded) == (BulkJob.Status.DONE, "import", 1)
