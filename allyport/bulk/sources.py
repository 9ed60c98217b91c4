"""The FileURI of an opportunity bulk job, read through the job framework's sources
(`allyport.jobs.sources`) and refused as the selling API's ValidationException."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allyport.awsapi.registry import Validation
from allyport.jobs import sources
from allyport.jobs.sources import SourceFile

if TYPE_CHECKING:
    from allyport.accounts.models import Company


def read_source(company: Company, uri: str, *, field: str) -> SourceFile:
    """The file `uri` names, for `company`; Validation naming `field` otherwise."""
    try:
        return sources.read_source(company, uri, field=field)
    except sources.SourceRefused as refused:
        raise Validation(
            refused.message, errors=[item.as_tuple() for item in refused.errors]
        ) from None
