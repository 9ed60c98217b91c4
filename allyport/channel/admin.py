"""Staff enter the growth-rebate figures the program reports for accepted contracts."""

from django.contrib import admin

from allyport.channel.models import RebateFigure


@admin.register(RebateFigure)
class RebateFigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("contract", "period", "billed_revenue", "baseline_revenue")
    raw_id_fields = ("contract",)
