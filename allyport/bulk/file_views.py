"""The Bulk page's "Files for the API" (upload, download, delete) and the signed
report download of API jobs.

Files need the bulk pages' rights (`views.bulk_page`); another company's file is
not found. The report link needs no session: its signature is the right to read
(`reports.open_link`), as a presigned S3 URL's is.
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from allyport.access.middleware import ActorRequest
from allyport.bulk import files
from allyport.bulk.kinds import OPPORTUNITY_JOBS
from allyport.bulk.readers import SNIFF_SIZE, FileProblem
from allyport.bulk.views import CONTENT_TYPES, _attachment, bulk_page, jobs_page
from allyport.jobs.report_views import serve_report
from allyport.jobs.storage import Role, iter_parts


class ApiFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("CSV (UTF-8) with the template's columns; its URI is the FileURI."),
    )

    def clean_file(self) -> UploadedFile:
        upload = cast(UploadedFile, self.cleaned_data["file"])
        try:
            head = upload.read(SNIFF_SIZE)
            files.check_upload(upload.name or "", upload.size or 0, head)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        finally:
            upload.seek(0)
        return upload


@bulk_page
@require_POST
def upload_file(request: ActorRequest) -> HttpResponse:
    form = ApiFileForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        files.upload(request.actor, upload.name or "", upload)
        return redirect(reverse("bulk:jobs") + "#api-files")
    return jobs_page(request, form, status=400)


@bulk_page
@require_GET
def file(request: ActorRequest, file_id: str, name: str) -> StreamingHttpResponse:
    found = files.find_file(request.actor, file_id)
    response = StreamingHttpResponse(
        iter_parts(found, Role.UPLOAD), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = _attachment(found.name.replace('"', ""))
    response["Content-Length"] = str(found.size)
    return response


@bulk_page
@require_POST
def delete_file(request: ActorRequest, file_id: str) -> HttpResponse:
    files.delete(request.actor, file_id)
    return redirect(reverse("bulk:jobs") + "#api-files")


@require_GET
def report(request: ActorRequest, token: str) -> HttpResponseBase:
    return serve_report(OPPORTUNITY_JOBS, token)
