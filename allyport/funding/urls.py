from django.urls import path, re_path

from allyport.funding.views import actions, catalogue, portal

app_name = "funding"

APPLICATION = r"^portal/(?P<identifier>benappl-[0-9a-z]{14})/"

urlpatterns = [
    path("benefits/", catalogue.benefits, name="benefits"),
    path("portal/", portal.portal, name="portal"),
    path("portal/new/", portal.new_application, name="new"),
    re_path(APPLICATION + "$", portal.application_page, name="application"),
    re_path(APPLICATION + "edit/$", portal.edit_application, name="edit"),
    re_path(APPLICATION + "submit/$", actions.submit, name="submit"),
    re_path(APPLICATION + "recall/$", actions.recall, name="recall"),
    re_path(APPLICATION + "cancel/$", actions.cancel, name="cancel"),
    re_path(APPLICATION + "amend/$", actions.amend, name="amend"),
    re_path(APPLICATION + "associate/$", actions.associate, name="associate"),
    re_path(APPLICATION + "disassociate/$", actions.disassociate, name="disassociate"),
    re_path(APPLICATION + "files/$", actions.attach, name="attach"),
    re_path(
        r"^files/(?P<file_id>benfile-[0-9a-z]{14})/(?P<name>[^/]+)$", actions.download, name="file"
    ),
]
