"""Files for the API: CSV files a company uploads on the Bulk page so that
StartOpportunityBulkJob (and other bulk APIs) can name them by URI.

A file belongs to the company (every member with the bulk right sees and uses
its files, as they would share an S3 bucket); its URI is the portal's own
address of the file, which `sources.read_source` recognises and reads from the
database.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import IO
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.bulk.readers import SNIFF_SIZE, FileProblem, sniff_csv
from allyport.bulk.services import require_bulk
from allyport.core.errors import NotFound
from allyport.jobs.models import BulkFile
from allyport.jobs.sources import max_bytes
from allyport.jobs.storage import Role, store_file
from allyport.pipeline.selectors import company_of
from allyport.pipeline.services import SELLING_SOURCE


def uri(found: BulkFile) -> str:
    """The FileURI to give the API: always https://, on the portal's public host."""
    host = urlsplit(settings.ALLYPORT_PUBLIC_URL).netloc
    return f"https://{host}" + reverse("bulk:file", args=[found.public_id, found.name])


def company_files(actor: Actor) -> QuerySet[BulkFile]:
    require_bulk(actor)
    return BulkFile.objects.filter(company=company_of(actor))


def find_file(actor: Actor, public_id: str) -> BulkFile:
    found = company_files(actor).filter(public_id=public_id).first()
    if found is None:
        raise NotFound("BulkFile", public_id)
    return found


def check_upload(name: str, size: int, head: bytes) -> None:
    """FileProblem unless it can be a bulk CSV file (the API reads CSV only)."""
    if PurePath(name).suffix.lower() != ".csv":
        raise FileProblem(_("Upload a .csv file."))
    if not size:
        raise FileProblem(_("The file is empty."))
    if size > max_bytes():
        raise FileProblem(_("The file is larger than %(mb)s MB; split it.") % {
            "mb": max_bytes() >> 20})  # fmt: skip
    sniff_csv(head[:SNIFF_SIZE])


def upload(actor: Actor, name: str, source: IO[bytes]) -> BulkFile:
    require_bulk(actor)
    with transaction.atomic():
        found = BulkFile.objects.create(
            company=company_of(actor), name=PurePath(name).name[:255], created_by=actor.user
        )
        found.size = store_file(found, Role.UPLOAD, source)
        found.save(update_fields=["size"])
        audit.record(
            actor,
            "UploadBulkFile",
            event_source=SELLING_SOURCE,
            request_parameters={"fileName": found.name},
            response_elements={"fileId": found.public_id, "size": found.size},
        )
    return found


def delete(actor: Actor, public_id: str) -> None:
    with transaction.atomic():
        found = find_file(actor, public_id)
        audit.record(
            actor,
            "DeleteBulkFile",
            event_source=SELLING_SOURCE,
            request_parameters={"fileId": found.public_id, "fileName": found.name},
        )
        found.delete()
