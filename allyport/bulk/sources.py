"""The FileURI of an opportunity bulk job, read through the job framework's sources
(`allyport.jobs.sources`); a refusal is the request's (REQUEST_VALIDATION_FAILED), which
the API answers as a ValidationException naming the field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allyport.jobs import sources
from allyport.jobs.sources import SourceFile
from allyport.shapes.validation import InvalidRequest

if TYPE_CHECKING:
    from allyport.accounts.models import Company


def read_source(company: Company, uri: str, *, field: str) -> SourceFile:
    """The file `uri` names, for `company`; InvalidRequest naming `field` otherwise."""
    try:
        return sources.read_source(company, uri, field=field)
    except sources.SourceRefused as refused:
        raise InvalidRequest(refused.errors, refused.message) from None
