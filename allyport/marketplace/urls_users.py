"""The IAM roles tab of User Management: served by the marketplace (it maps the linked
account's IAM roles), named in the `users:` namespace next to the accounts' tabs."""

from django.urls import path

from allyport.marketplace.views import iam_tab

urlpatterns = [
    path("iam-roles/", iam_tab.iam_roles_tab, name="iam_roles"),
    path("iam-roles/map/", iam_tab.iam_tab_map, name="iam_map"),
    path("iam-roles/unmap/", iam_tab.iam_tab_unmap, name="iam_unmap"),
]
