import datetime

import pytest

from allyport.cloud.managed import (
    ARN_PREFIX,
    managed_policies,
    managed_policy,
    policy_updates,
)
from allyport.cloud.policy import parse_policy

SEVEN = {
    "AWSPartnerCentralFullAccess",
    "PartnerCentralAccountManagementUserRoleAssociation",
    "AWSPartnerCentralOpportunityManagement",
    "AWSPartnerCentralSandboxFullAccess",
    "AWSPartnerCentralSellingResourceSnapshotJobExecutionRolePolicy",
    "AWSMarketplaceSellerFullAccess",
    "AWSMarketplaceSellerOfferManagement",
}


def _statements_with_action(document, action):
    found = []
    for statement in document["Statement"]:
        actions = statement["Action"]
        if action in ([actions] if isinstance(actions, str) else actions):
            found.append(statement)
    return found


def test_it_loads_all_seven_policies():
    # The folder may hold further managed policies other parts of the cloud need.
    assert SEVEN.issubset(managed_policies())


def test_it_lists_the_policies_in_name_order():
    names = list(managed_policies())
    assert names == sorted(names)


def test_it_keeps_names_and_arns_unique():
    policies = list(managed_policies().values())
    assert len({policy.name for policy in policies}) == len(policies)
    assert len({policy.arn for policy in policies}) == len(policies)


def test_it_gives_each_policy_its_aws_managed_arn():
    for name, policy in managed_policies().items():
        assert policy.arn == f"{ARN_PREFIX}{name}"


def test_it_gives_each_default_version_a_document():
    for policy in managed_policies().values():
        document = policy.default_document
        assert document["Version"] == "2012-10-17", policy.name
        assert isinstance(document["Statement"], list), policy.name
        assert document["Statement"], policy.name
        for statement in document["Statement"]:
            assert statement["Effect"] in {"Allow", "Deny"}, policy.name


def test_it_parses_every_default_document():
    for policy in managed_policies().values():
        parse_policy(policy.default_document)


def test_it_makes_the_default_the_newest_listed_version():
    for policy in managed_policies().values():
        assert policy.versions[-1].version_id == policy.default_version
        dates = [version.created for version in policy.versions]
        assert dates == sorted(dates), policy.name


def test_it_records_where_each_text_came_from():
    for policy in managed_policies().values():
        assert policy.source
        assert not policy.source.startswith("reconstructed"), policy.name


def test_it_returns_a_copy_of_the_default_document():
    policy = managed_policy("AWSPartnerCentralFullAccess")
    policy.default_document["Statement"].clear()
    assert policy.default_document["Statement"]


def test_it_finds_a_policy_by_name():
    policy = managed_policy("AWSMarketplaceSellerOfferManagement")
    assert policy.arn == "arn:aws:iam::aws:policy/AWSMarketplaceSellerOfferManagement"


def test_it_finds_a_policy_by_arn():
    arn = "arn:aws:iam::aws:policy/AWSPartnerCentralSellingResourceSnapshotJobExecutionRolePolicy"
    policy = managed_policy(arn)
    assert policy.name == "AWSPartnerCentralSellingResourceSnapshotJobExecutionRolePolicy"
    assert managed_policy(policy.name) is policy


def test_it_raises_keyerror_for_an_unknown_name():
    with pytest.raises(KeyError):
        managed_policy("AWSPartnerCentralNoSuchPolicy")


def test_it_raises_keyerror_for_an_unknown_arn():
    with pytest.raises(KeyError):
        managed_policy("arn:aws:iam::aws:policy/AWSPartnerCentralNoSuchPolicy")


def test_it_raises_keyerror_for_an_unlisted_version():
    with pytest.raises(KeyError):
        managed_policy("AWSPartnerCentralFullAccess").version("v999")


def test_it_matches_the_guides_description_of_user_role_association():
    # Guide: list all roles; pass PartnerCentralRoleFor* roles to account management;
    # associate and disassociate partner users.
    document = managed_policy("PartnerCentralAccountManagementUserRoleAssociation").default_document
    (pass_role,) = _statements_with_action(document, "iam:PassRole")
    assert pass_role["Resource"] == "arn:aws:iam::*:role/PartnerCentralRoleFor*"
    assert pass_role["Condition"] == {
        "StringEquals": {
            "iam:PassedToService": "partnercentral-account-management.amazonaws.com",
        }
    }
    for action in (
        "iam:ListRoles",
        "partnercentral-account-management:AssociatePartnerUser",
        "partnercentral-account-management:DisassociatePartnerUser",
    ):
        (statement,) = _statements_with_action(document, action)
        assert statement["Effect"] == "Allow"
        assert statement["Resource"] == "*"


def test_it_reads_the_guides_update_history():
    updates = policy_updates()
    assert len(updates) == 8
    first, last = updates[0], updates[-1]
    assert first.change == "AWSPartnerCentralFullAccess — Update to an existing policy"
    assert first.description == "AWS Partner Central updated a policy."
    assert first.date == datetime.date(2024, 12, 4)
    assert last.change == "AWS Partner Central started tracking changes"
    assert last.description == (
        "AWS Partner Central started tracking changes for its AWS managed policies."
    )
    assert last.date == datetime.date(2024, 11, 14)


def test_it_lists_the_update_history_newest_first():
    dates = [update.date for update in policy_updates()]
    assert dates == sorted(dates, reverse=True)
