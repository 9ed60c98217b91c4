"""The cloud console. Users, roles and policies are addressed by name under
`details/`, as AWS's console does, so a user called "create" cannot shadow
the Create user page."""

from django.urls import path

from allyport.cloud.views import (
    dashboard,
    identities,
    keys,
    policies,
    roles,
    signin,
    simulator,
    users,
)

app_name = "cloud"

USER = {"kind": "user"}
ROLE = {"kind": "role"}

urlpatterns = [
    path("", signin.sign_in, name="signin"),
    path("sign-out/", signin.sign_out, name="signout"),
    path("home/", dashboard.home, name="home"),
    path("users/", users.user_list, name="users"),
    path("users/create/", users.create_user, name="create_user"),
    path("users/details/<str:name>/", users.user_detail, name="user_detail"),
    path("users/details/<str:name>/attach/", identities.attach, USER, name="user_attach"),
    path("users/details/<str:name>/detach/", identities.detach, USER, name="user_detach"),
    path("users/details/<str:name>/inline/", identities.add_inline, USER, name="user_inline"),
    path("users/details/<str:name>/access-keys/", keys.create_key, name="create_key"),
    path("access-keys/<str:key_id>/", keys.key_detail, name="key_detail"),
    path("access-keys/<str:key_id>/status/", keys.key_status, name="key_status"),
    path("access-keys/<str:key_id>/delete/", keys.key_delete, name="key_delete"),
    path("roles/", roles.role_list, name="roles"),
    path("roles/create/", roles.create_role, name="create_role"),
    path("roles/details/<str:name>/", roles.role_detail, name="role_detail"),
    path("roles/details/<str:name>/attach/", identities.attach, ROLE, name="role_attach"),
    path("roles/details/<str:name>/detach/", identities.detach, ROLE, name="role_detach"),
    path("roles/details/<str:name>/inline/", identities.add_inline, ROLE, name="role_inline"),
    path("policies/", policies.policy_list, name="policies"),
    path("policies/create/", policies.create_policy, name="create_policy"),
    path("policies/details/<str:name>/", policies.policy_detail, name="policy_detail"),
    path("managed-policies/", policies.managed_list, name="managed_policies"),
    path("managed-policies/<str:name>/", policies.managed_detail, name="managed_detail"),
    path("simulator/", simulator.simulator, name="simulator"),
]
