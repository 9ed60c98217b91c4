"""My Company > View all Training and Certification (alliance lead, alliance team):
everyone with their certifications and accreditations, filters, and the CSV or XLSX
download of the filtered list (streamed, read in chunks)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

import openpyxl
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.decisions import Target, require
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.spreadsheets import buffered, safe_cell, with_bom
from allyport.programs.models import CertificationLevel
from allyport.programs.permissions import TRAINING_AND_CERTIFICATION, VIEW_TRAINING_DATA
from allyport.programs.selectors import training
from allyport.programs.selectors.training import Filters, PersonRow
from allyport.programs.views.common import company

PAGE_SIZE = 50


def _header() -> list[str]:
    """The column names in the reader's language."""
    return [_("Name"), _("Email"), _("Certifications"), _("Accreditations")]


def _filters(request: ActorRequest) -> Filters:
    level = request.GET.get("level", "")
    if level not in (*CertificationLevel.values, "any"):
        level = ""
    return Filters(
        request.GET.get("q", "").strip()[:80], level, request.GET.get("accredited") == "1"
    )


def _cells(row: PersonRow) -> list[str]:
    certs = "; ".join(f"{c.name} ({c.earned_on:%Y-%m-%d})" for c in row.certifications)
    done = "; ".join(e.course.title for e in row.completions)
    return [row.user.full_name, row.user.email, certs, done]


def _csv_lines(rows: Iterable[PersonRow], header: list[str]) -> Iterator[str]:
    # The header comes in named now: the lines are written while the file streams.
    out = io.StringIO()
    writer = csv.writer(out)
    for cells in [header], ([safe_cell(c) for c in _cells(r)] for r in rows):
        for line in cells:
            writer.writerow(line)
            yield out.getvalue()
            out.seek(0)
            out.truncate()


def _xlsx(rows: Iterable[PersonRow]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Training and Certification")
    sheet.append(_header())
    for row in rows:
        sheet.append([safe_cell(c) for c in _cells(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _download(request: ActorRequest, kind: str, filters: Filters) -> HttpResponseBase:
    rows = training.all_rows(company(request), filters)
    if kind == "xlsx":
        response: HttpResponseBase = HttpResponse(
            _xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(
            buffered(with_bom(_csv_lines(rows, _header()))), content_type="text/csv"
        )
    response["Content-Disposition"] = f'attachment; filename="training-and-certification.{kind}"'
    return response


@member_page(TRAINING_AND_CERTIFICATION)
@require_GET
@service_refusals
def training_list(request: ActorRequest) -> HttpResponseBase:
    require(request.actor, VIEW_TRAINING_DATA, Target(company=company(request)))
    filters = _filters(request)
    kind = request.GET.get("download", "")
    if kind in ("csv", "xlsx"):
        return _download(request, kind, filters)
    page = Paginator(training.people(company(request), filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("download", None)
    context = {
        "page": page,
        "rows": training.rows(list(page.object_list)),
        "filters": filters,
        "levels": CertificationLevel.choices,
        "query": query.urlencode(),
        "title": _("Training and Certification"),
    }
    return render(request, "programs/training.html", context)
