from django.urls import path

from allyport.assistant.views import staff

app_name = "assistant_staff"

urlpatterns = [
    path("", staff.report, name="report"),
    path("company/", staff.company_setting, name="company_setting"),
]
