"""A case's file, for its company (who may see the case) and staff: always a
download under its sniffed type, never rendered by the browser."""

from __future__ import annotations

import uuid

from django.http import FileResponse, Http404

from allyport.access.actor import Actor
from allyport.support import selectors
from allyport.support.models import Attachment


def download(actor: Actor, file_id: str) -> FileResponse:
    try:
        public_id = uuid.UUID(str(file_id))
    except ValueError:
        raise Http404 from None
    found = Attachment.objects.select_related("case").filter(public_id=public_id).first()
    if found is None:
        raise Http404
    selectors.find_case(actor, found.case.case_id)  # not found / refused as the case is
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
