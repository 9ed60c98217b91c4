"""Certification records, and their import from a CSV or XLSX file with an answer
per row."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from allyport.access.middleware import staff_actor
from allyport.core.errors import RuleViolation
from allyport.programs.forms import CertificationImportForm
from allyport.programs.models import CertificationRecord
from allyport.programs.services.certification_import import COLUMNS, import_certifications

MAX_UPLOAD = 20 * 1024 * 1024


@admin.register(CertificationRecord)
class CertificationRecordAdmin(admin.ModelAdmin):
    list_display = ("email", "name", "level", "earned_on", "expires_on", "recorded_at", "source")
    list_filter = ("level",)
    search_fields = ("email", "name")
    date_hierarchy = "recorded_at"
    change_list_template = "admin/programs/certificationrecord/change_list.html"

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="programs_certification_import",
            )
        ]
        return extra + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponse:
        form = CertificationImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_UPLOAD:
                form.add_error("file", _("The file is larger than 20 MB."))
            else:
                try:
                    report = import_certifications(staff_actor(request), upload.name, upload.read())
                except RuleViolation as refused:
                    form.add_error("file", refused.errors[0].message)
                else:
                    messages.success(
                        request,
                        _("%(c)d created, %(u)d updated, %(e)d row errors.")
                        % {"c": report.created, "u": report.updated, "e": len(report.errors)},
                    )
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "title": _("Import certifications"),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/programs/certification_import.html", context)
