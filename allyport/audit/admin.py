from django.contrib import admin

from allyport.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("event_time", "event_name", "event_source", "username", "company", "error_code")
    list_filter = ("event_source", "event_type", "read_only")
    search_fields = ("event_name", "username", "event_id")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):  # records are written by services only
        return False

    def has_change_permission(self, request, obj=None):
        return False
