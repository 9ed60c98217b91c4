from django.urls import path, re_path

from allyport.pipeline.views import (
    offerings,
    opportunities_list,
    opportunity_actions,
    opportunity_detail,
    opportunity_form,
)

app_name = "pipeline"

OPPORTUNITY = r"^opportunities/(?P<identifier>O[0-9]{1,19})/"
SOLUTION = r"^offerings/(?P<identifier>S-[0-9]{1,20})/"

urlpatterns = [
    path("opportunities/", opportunities_list.opportunities, name="opportunities"),
    path("opportunities/new/", opportunity_form.new_opportunity, name="opportunity_new"),
    path("opportunities/transfer/", opportunities_list.bulk_transfer, name="bulk_transfer"),
    re_path(OPPORTUNITY + "$", opportunity_detail.opportunity, name="opportunity"),
    re_path(OPPORTUNITY + "edit/$", opportunity_form.edit_opportunity, name="opportunity_edit"),
    re_path(OPPORTUNITY + "submit/$", opportunity_actions.submit, name="opportunity_submit"),
    re_path(OPPORTUNITY + "transfer/$", opportunity_actions.transfer,
            name="opportunity_transfer"),
    re_path(OPPORTUNITY + "associate/$", opportunity_detail.associate,
            name="opportunity_associate"),
    re_path(OPPORTUNITY + "disassociate/$", opportunity_detail.disassociate,
            name="opportunity_disassociate"),
    path("offerings/", offerings.offerings, name="offerings"),
    path("offerings/new/", offerings.new_offering, name="offering_new"),
    re_path(SOLUTION + "edit/$", offerings.edit_offering, name="offering_edit"),
    re_path(SOLUTION + "status/$", offerings.offering_status, name="offering_status"),
]  # fmt: skip
