"""Serving stored files: always as a download with the type fixed at upload, never
sniffed, so an uploaded file cannot run as a page of the portal."""

from __future__ import annotations

from django.http import HttpResponse

from allyport.content.shared.models import StoredFile


def download_response(stored: StoredFile, *, inline: bool = False) -> HttpResponse:
    """The file's bytes. `inline` only for media a page plays (video, captions)."""
    response = HttpResponse(bytes(stored.data), content_type=stored.content_type)
    disposition = "inline" if inline else "attachment"
    safe_name = stored.name.replace('"', "").replace("\\", "")
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=300"
    return response
