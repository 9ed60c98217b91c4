"""User Management (`users:` names under company/users/). The project urls add the
IAM roles tab, which the marketplace serves, to the same namespace."""

from django.urls import path

from allyport.accounts.views.users import invitations, listing, manage_roles, members, security

urlpatterns = [
    path("", listing.users_tab, name="list"),
    path("access-review.csv", listing.access_review, name="access_review"),
    path("manage-roles/", manage_roles.manage_roles, name="manage_roles"),
    path("reassign-lead/", members.reassign_lead, name="reassign_lead"),
    path("security/", security.security, name="security"),
    path("roles/", invitations.roles_tab, name="roles"),
    path("roles/invite/", invitations.invite, name="invite"),
    path("roles/invitations/<str:invitation_id>/revoke/", invitations.revoke,
         name="revoke_invitation"),
    path("<str:user_id>/remove/", members.remove, name="remove"),
    path("<str:user_id>/deactivate/", members.deactivate, name="deactivate"),
    path("<str:user_id>/reactivate/", members.reactivate, name="reactivate"),
]  # fmt: skip
