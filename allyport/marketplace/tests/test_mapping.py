"""Mapping users to IAM roles: the guide's rules, the acting role's permissions
checked by the evaluator, and the AssociatePartnerUser records."""

from __future__ import annotations

from django.urls import reverse

from allyport.access.actor import for_user, system
from allyport.audit.models import AuditEvent
from allyport.cloud import services as cloud
from allyport.cloud.models import IamRole
from allyport.marketplace import testing
from allyport.marketplace.models import CrmIntegrationRole, RoleMapping
from allyport.marketplace.requirements import TRUST_POLICY
from allyport.marketplace.services import mapping
from allyport.testing import make_user

MAP = reverse("marketplace:map_role")
UNMAP = reverse("marketplace:unmap_role")


def _role(link, name, trust=TRUST_POLICY):  # type: ignore[no-untyped-def]
    return cloud.create_role(system(), link.account, name, trust)


def test_it_maps_several_users_and_records_each_in_the_guides_shape(lead, client_for) -> None:
    link = testing.link(lead)
    users = [make_user(lead.company, "ace_user") for _ in range(2)]
    response = client_for(lead).post(
        MAP, {"users": [u.public_id for u in users], "role": link.ace_role.role_id}
    )
    assert response.status_code == 302
    assert all(RoleMapping.objects.get(user=u).role == link.ace_role for u in users)
    event = AuditEvent.objects.filter(event_name="AssociatePartnerUser").latest("id")
    record = event.record
    assert record["userIdentity"]["type"] == "AssumedRole"
    assert record["userIdentity"]["arn"] == link.cloud_admin_role.arn
    assert record["userIdentity"]["invokedBy"] == "partnercentral-account-management.amazonaws.com"
    assert record["sourceIPAddress"] == "partnercentral-account-management.amazonaws.com"
    assert record["userAgent"] == "partnercentral-account-management.amazonaws.com"
    assert record["requestParameters"] == {
        "partnerUserId": users[1].public_id,
        "iamRoleArn": link.ace_role.arn,
        "partnerAccountId": lead.company.public_id,
    }
    assert record["eventSource"] == "partnercentral-account-management.amazonaws.com"


def test_it_unmaps_and_records_disassociate(lead, client_for) -> None:
    link = testing.link(lead)
    user = make_user(lead.company, "ace_user")
    mapping.map_users(for_user(lead), [user.public_id], link.ace_role.role_id)
    response = client_for(lead).post(UNMAP, {"users": [user.public_id]})
    assert response.status_code == 302
    assert not RoleMapping.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(event_name="DisassociatePartnerUser").count() == 1


def test_it_refuses_a_role_without_the_prefix(lead) -> None:
    link = testing.link(lead)
    role = _role(link, "SalesTeam")
    user = make_user(lead.company, "ace_user")
    try:
        mapping.map_users(for_user(lead), [user.public_id], role.role_id)
    except mapping.ChangeRefused as refused:
        assert "start with PartnerCentralRoleFor" in refused.reason
    else:
        raise AssertionError("mapped a role without the prefix")
    assert not RoleMapping.objects.filter(user=user).exists()


def test_it_refuses_a_role_the_service_may_not_assume(lead) -> None:
    link = testing.link(lead)
    other_trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "ec2.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    role = _role(link, "PartnerCentralRoleForSales", other_trust)
    assert mapping.mappable_role_refusal(link, role).startswith("The role's trust policy")
    assert role not in mapping.mappable_roles(link)


def test_it_maps_cloud_admins_only_to_the_cloud_admin_role(lead) -> None:
    link = testing.link(lead)
    admin = make_user(lead.company, "cloud_admin")
    results = mapping.map_users(for_user(lead), [admin.public_id], link.alliance_role.role_id)
    assert not results[0].ok and "cloud admin role created at linking" in results[0].reason
    results = mapping.map_users(for_user(lead), [admin.public_id], link.cloud_admin_role.role_id)
    assert results[0].ok


def test_it_checks_the_acting_roles_permissions_with_the_evaluator(lead) -> None:
    link = testing.link(lead)
    # Both managed policies grant what mapping needs (AWSPartnerCentralFullAccess
    # does too, as published); without them the role lacks it.
    for name in (
        "PartnerCentralAccountManagementUserRoleAssociation",
        "AWSPartnerCentralFullAccess",
    ):
        cloud.detach_policy(system(), link.cloud_admin_role, f"arn:aws:iam::aws:policy/{name}")
    user = make_user(lead.company, "ace_user")
    try:
        mapping.map_users(for_user(lead), [user.public_id], link.ace_role.role_id)
    except mapping.ChangeRefused as refused:
        assert "iam:PassRole on " + link.ace_role.arn in refused.reason
        assert "iam:PassedToService" in refused.reason
        assert "AssociatePartnerUser" in refused.reason
    else:
        raise AssertionError("mapped without the acting role's permissions")


def test_it_stops_at_an_explicit_deny_on_the_acting_role(lead) -> None:
    link = testing.link(lead)
    deny = (
        '{"Version": "2012-10-17", "Statement": [{"Sid": "NoMapping", "Effect": "Deny", '
        '"Action": "partnercentral-account-management:*PartnerUser", "Resource": "*"}]}'
    )
    cloud.put_inline_policy(system(), link.cloud_admin_role, "Guardrail", deny)
    user = make_user(lead.company, "ace_user")
    try:
        mapping.map_users(for_user(lead), [user.public_id], link.ace_role.role_id)
    except mapping.ChangeRefused as refused:
        assert "partnercentral-account-management:AssociatePartnerUser on *" in refused.reason
    else:
        raise AssertionError("an explicit deny did not stop the mapping")
    assert not RoleMapping.objects.filter(user=user).exists()


def test_it_reports_other_companies_users_as_not_found(lead, outsider) -> None:
    link = testing.link(lead)
    results = mapping.map_users(for_user(lead), [outsider.public_id], link.ace_role.role_id)
    assert results == [mapping.MappingResult(outsider.public_id, "", False, "not found")]
    assert not RoleMapping.objects.filter(user=outsider).exists()


def test_it_refuses_a_role_of_another_account(lead, outsider) -> None:
    link = testing.link(lead)
    other = testing.link(outsider)
    user = make_user(lead.company, "ace_user")
    try:
        mapping.map_users(for_user(lead), [user.public_id], other.ace_role.role_id)
    except mapping.ChangeRefused as refused:
        assert refused.field == "role"
    else:
        raise AssertionError("mapped another account's role")
    assert link.pk != other.pk


def test_it_maps_and_unmaps_the_crm_integration_role(lead, client_for) -> None:
    link = testing.link(lead)
    client = client_for(lead)
    response = client.post(reverse("marketplace:crm_role"), {"role": link.ace_role.role_id})
    assert response.status_code == 302
    assert CrmIntegrationRole.objects.get(company=lead.company).role == link.ace_role
    client.post(reverse("marketplace:crm_role"), {"unmap": "1"})
    assert not CrmIntegrationRole.objects.exists()
    params = [
        e.record["requestParameters"]["partnerUserId"]
        for e in AuditEvent.objects.filter(event_name__endswith="PartnerUser").exclude(
            event_name="CreatePartnerUser"  # users the test made, as an operator would
        )
    ]
    assert params.count("CRMIntegrationUser") == 2


def test_it_shows_the_iam_roles_tab_to_lead_and_team(lead, client_for) -> None:
    link = testing.link(lead)
    team = make_user(lead.company, "alliance_team")
    user = make_user(lead.company, "ace_user")
    client = client_for(team)
    body = client.get(reverse("users:iam_roles")).content.decode()
    assert "IAM roles" in body and link.account.account_id in body
    response = client.post(
        reverse("users:iam_map"), {"users": [user.public_id], "role": link.ace_role.role_id}
    )
    assert response.status_code == 302
    assert RoleMapping.objects.get(user=user).role == link.ace_role


def test_it_keeps_the_iam_roles_tab_from_other_roles(lead, member, client_for) -> None:
    testing.link(lead)
    cloud_admin = make_user(lead.company, "cloud_admin")
    assert client_for(member).get(reverse("users:iam_roles")).status_code == 403
    response = client_for(cloud_admin).get(reverse("users:iam_roles"))
    assert response.status_code == 403
    assert "needs the alliance lead or alliance team role" in response.content.decode()


def test_it_keeps_manage_linked_account_from_the_alliance_team(lead, client_for) -> None:
    testing.link(lead)
    team = make_user(lead.company, "alliance_team")
    for url in (
        reverse("marketplace:linked_account"),
        MAP,
        UNMAP,
        reverse("marketplace:crm_role"),
        reverse("marketplace:unlink"),
    ):
        assert client_for(team).get(url).status_code == 403


def test_it_hides_mapping_pages_of_an_unlinked_company(outsider, client_for) -> None:
    for url in (MAP, UNMAP, reverse("marketplace:crm_role"), reverse("marketplace:unlink")):
        assert client_for(outsider).get(url).status_code == 404


def test_it_lists_only_mappable_roles_in_the_form(lead, client_for) -> None:
    link = testing.link(lead)
    _role(link, "SalesTeam")
    body = client_for(lead).get(MAP).content.decode()
    assert link.ace_role.name in body and "SalesTeam" not in body
    assert IamRole.objects.filter(name="SalesTeam").exists()


def test_it_shows_counts_and_reasons_after_map_role(lead, outsider, client_for) -> None:
    link = testing.link(lead)
    admin = make_user(lead.company, "cloud_admin")
    ace = make_user(lead.company, "ace_user")
    response = client_for(lead).post(
        MAP, {"users": [admin.public_id, ace.public_id], "role": link.ace_role.role_id}, follow=True
    )
    body = response.content.decode()
    assert "1 succeeded, 1 failed." in body
    assert "cloud admin role created at linking" in body
