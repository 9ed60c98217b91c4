"""The policies printed in the Partner Central getting-started guide, stored in
allyport/cloud/data/guide_policies/, on the requests they are meant to allow and refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import allyport.cloud
from allyport.cloud.policy import (
    Policy,
    PolicyDocumentError,
    Request,
    Result,
    evaluate,
    parse_policy,
    trust_allows_service,
)

GUIDE_POLICIES = Path(allyport.cloud.__file__).parent / "data" / "guide_policies"
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role"
MANAGED = "arn:aws:iam::aws:policy"
SERVICE = "partnercentral-account-management.amazonaws.com"

# The guide's minimal marketplace policy exactly as printed, typo included.
GUIDE_MARKETPLACE_TEXT = """\
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "aws-marketplace:SearchAgreements",
        "aws-marketplace:DescribeAgreement",
        "aws-marketplace:GetAgreementTerms",
        "aws-marketplace>ListEntities",
        "aws-marketplace:DescribeEntity",
        "aws-marketplace:StartChangeSet"
      ],
      "Effect": "Allow",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "aws-marketplace:PartyType": "Proposer"
        },
        "ForAllValues:StringEquals": {
          "aws-marketplace:AgreementType": [
            "PurchaseAgreement"
          ]
        }
      }
    }
  ]
}
"""


def load(name: str, kind: str = "identity") -> Policy:
    return parse_policy((GUIDE_POLICIES / name).read_bytes(), kind=kind)


@pytest.fixture(scope="module")
def management() -> list[tuple[str, Policy]]:
    return [("PartnerAccountManagement", load("partner-account-management.json"))]


@pytest.fixture(scope="module")
def marketplace() -> list[tuple[str, Policy]]:
    return [("MarketplaceMinimal", load("marketplace-minimal-offers.json"))]


def decide(
    policies: list[tuple[str, Policy]], action: str, resource: str = "*", **ctx: object
) -> Result:  # noqa: E501
    return evaluate(Request(action, resource, ctx), policies)


def attach(policies: list[tuple[str, Policy]], role: str, managed: str | None) -> Result:
    context = {} if managed is None else {"iam:PolicyARN": f"{MANAGED}/{managed}"}
    return evaluate(Request("iam:AttachRolePolicy", f"{ROLE}/{role}", context), policies)


# --- PartnerAccountManagement ----------------------------------------------------------


def test_it_stores_the_partner_account_management_policy_in_the_guides_order(
    management: list[tuple[str, Policy]],
) -> None:
    _, policy = management[0]
    assert [s.sid for s in policy.statements] == [
        "CreatePartnerCentralRoles",
        "AttachPolicyToPartnerCentralCloudAdminRole",
        "AttachPolicyToPartnerCentralAceRole",
        "AttachPolicyToPartnerCentralAllianceRole",
        "AssociatePartnerAccount",
        "SellerRegistration",
    ]
    assert all(s.effect == "Allow" for s in policy.statements)


@pytest.mark.parametrize(
    "role",
    [
        "PartnerCentralRoleForCloudAdmin",
        "PartnerCentralRoleForAce-1",
        "PartnerCentralRoleForAlliance-Team",
        "PartnerCentralRoleForAce",
    ],
)
def test_it_allows_creating_the_partner_central_roles(
    management: list[tuple[str, Policy]], role: str
) -> None:
    result = decide(management, "iam:CreateRole", f"{ROLE}/{role}")
    assert result.allowed
    assert [m.sid for m in result.matched] == ["CreatePartnerCentralRoles"]
    assert decide(management, "IAM:createRole", f"arn:aws:iam::999999999999:role/{role}").allowed


@pytest.mark.parametrize(
    "resource",
    [
        f"{ROLE}/Admin",
        f"{ROLE}/PartnerCentralRoleForSomethingElse",
        f"{ROLE}/path/PartnerCentralRoleForAce",
        f"{ROLE}/partnercentralroleforace",
        "*",
    ],
)
def test_it_refuses_creating_other_roles(
    management: list[tuple[str, Policy]], resource: str
) -> None:
    assert decide(management, "iam:CreateRole", resource).decision == "implicitDeny"


@pytest.mark.parametrize(
    ("role", "managed", "sid"),
    [
        ("PartnerCentralRoleForCloudAdmin", "PartnerCentralAccountManagementUserRoleAssociation",
         "AttachPolicyToPartnerCentralCloudAdminRole"),
        ("PartnerCentralRoleForCloudAdmin-1", "AWSPartnerCentralFullAccess",
         "AttachPolicyToPartnerCentralCloudAdminRole"),
        ("PartnerCentralRoleForCloudAdmin", "AWSMarketplaceSellerFullAccess",
         "AttachPolicyToPartnerCentralCloudAdminRole"),
        ("PartnerCentralRoleForAce", "AWSPartnerCentralOpportunityManagement",
         "AttachPolicyToPartnerCentralAceRole"),
        ("PartnerCentralRoleForAce-7", "AWSMarketplaceSellerOfferManagement",
         "AttachPolicyToPartnerCentralAceRole"),
        ("PartnerCentralRoleForAlliance", "AWSPartnerCentralFullAccess",
         "AttachPolicyToPartnerCentralAllianceRole"),
        ("PartnerCentralRoleForAlliance", "AWSMarketplaceSellerFullAccess",
         "AttachPolicyToPartnerCentralAllianceRole"),
    ],
)  # fmt: skip
def test_it_allows_attaching_the_listed_managed_policies(
    management: list[tuple[str, Policy]], role: str, managed: str, sid: str
) -> None:
    result = attach(management, role, managed)
    assert result.allowed and [m.sid for m in result.matched] == [sid]
    assert result.missing_context == ()


@pytest.mark.parametrize(
    ("role", "managed"),
    [
        ("PartnerCentralRoleForAlliance", "AdministratorAccess"),
        ("PartnerCentralRoleForAce", "AWSPartnerCentralFullAccess"),
        ("PartnerCentralRoleForAce", "AWSMarketplaceSellerFullAccess"),
        ("PartnerCentralRoleForCloudAdmin", "AWSPartnerCentralOpportunityManagement"),
        ("PartnerCentralRoleForAlliance", "PartnerCentralAccountManagementUserRoleAssociation"),
        ("Admin", "AWSPartnerCentralFullAccess"),
    ],
)
def test_it_refuses_attaching_anything_else(
    management: list[tuple[str, Policy]], role: str, managed: str
) -> None:
    assert attach(management, role, managed).decision == "implicitDeny"


def test_it_refuses_attaching_without_the_policy_arn_and_says_what_is_missing(
    management: list[tuple[str, Policy]],
) -> None:
    result = attach(management, "PartnerCentralRoleForAlliance", None)
    assert result.decision == "implicitDeny"
    assert result.missing_context == ("iam:PolicyARN",)


def test_it_refuses_a_policy_arn_that_only_looks_similar(
    management: list[tuple[str, Policy]],
) -> None:
    lookalike = {"iam:PolicyARN": f"{MANAGED}/AWSPartnerCentralFullAccessPlus"}
    request = Request("iam:AttachRolePolicy", f"{ROLE}/PartnerCentralRoleForAlliance", lookalike)
    assert not evaluate(request, management).allowed


def test_it_allows_associating_the_partner_account(management: list[tuple[str, Policy]]) -> None:
    result = decide(management, "partnercentral-account-management:AssociatePartnerAccount")
    assert result.allowed and result.matched[0].sid == "AssociatePartnerAccount"
    other = decide(management, "partnercentral-account-management:DisassociatePartnerAccount")
    assert other.decision == "implicitDeny"


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("aws-marketplace:ListChangeSets", True),
        ("aws-marketplace:DescribeChangeSet", True),
        ("aws-marketplace:StartChangeSet", True),
        ("aws-marketplace:ListEntities", True),
        ("aws-marketplace:DescribeEntity", True),
        ("aws-marketplace:CancelChangeSet", False),
        ("aws-marketplace:SearchAgreements", False),
        ("iam:DeleteRole", False),
    ],
)
def test_it_allows_exactly_the_seller_registration_actions(
    management: list[tuple[str, Policy]], action: str, expected: bool
) -> None:
    assert decide(management, action).allowed is expected


# --- trust policy ----------------------------------------------------------------------


def test_it_lets_partner_central_assume_the_role() -> None:
    trust = load("partner-central-trust.json", kind="trust")
    assert trust_allows_service(trust, SERVICE)
    assert not trust_allows_service(trust, "ec2.amazonaws.com")
    assert not trust_allows_service(trust, SERVICE, "sts:AssumeRoleWithWebIdentity")


def test_it_rejects_the_trust_policy_as_an_identity_policy() -> None:
    with pytest.raises(PolicyDocumentError) as caught:
        load("partner-central-trust.json")
    assert caught.value.errors == [
        'Statement 1: "Principal" belongs in trust and resource policies, not in an identity '
        "policy; remove it.",
        'Statement 1: has neither "Resource" nor "NotResource"; add one of them.',
    ]


# --- minimal marketplace policy --------------------------------------------------------


def test_it_flags_the_typo_in_the_guides_marketplace_policy() -> None:
    with pytest.raises(PolicyDocumentError) as caught:
        parse_policy(GUIDE_MARKETPLACE_TEXT)
    assert caught.value.errors == [
        'Statement 1: Action "aws-marketplace>ListEntities" is not of the form '
        '"service:action" (for example "iam:CreateRole") or "*".'
    ]


def test_it_stores_the_marketplace_policy_with_only_the_typo_corrected() -> None:
    stored = json.loads((GUIDE_POLICIES / "marketplace-minimal-offers.json").read_text())
    corrected = GUIDE_MARKETPLACE_TEXT.replace("aws-marketplace>", "aws-marketplace:")
    assert stored == json.loads(corrected)


PROPOSER = {"aws-marketplace:PartyType": "Proposer"}


@pytest.mark.parametrize(
    "action",
    [
        "aws-marketplace:SearchAgreements",
        "aws-marketplace:DescribeAgreement",
        "aws-marketplace:GetAgreementTerms",
        "aws-marketplace:ListEntities",
        "aws-marketplace:DescribeEntity",
        "aws-marketplace:StartChangeSet",
    ],
)
def test_it_allows_a_proposer_the_offer_actions(
    marketplace: list[tuple[str, Policy]], action: str
) -> None:
    types = {"aws-marketplace:AgreementType": ["PurchaseAgreement"]}
    assert decide(marketplace, action, **PROPOSER, **types).allowed


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({**PROPOSER, "aws-marketplace:AgreementType": "PurchaseAgreement"}, "allowed"),
        # ForAllValues holds for an absent or empty set: the guide's policy allows it.
        (PROPOSER, "allowed"),
        ({**PROPOSER, "aws-marketplace:AgreementType": []}, "allowed"),
        ({**PROPOSER, "aws-marketplace:AgreementType": ["PurchaseAgreement", "Other"]},
         "implicitDeny"),
        ({"aws-marketplace:PartyType": "Acceptor"}, "implicitDeny"),
        ({"aws-marketplace:PartyType": "proposer"}, "implicitDeny"),
        ({}, "implicitDeny"),
    ],
)  # fmt: skip
def test_it_requires_a_proposer_and_purchase_agreements(
    marketplace: list[tuple[str, Policy]], context: dict, expected: str
) -> None:
    result = decide(marketplace, "aws-marketplace:SearchAgreements", **context)
    assert result.decision == expected


def test_it_names_the_missing_party_type(marketplace: list[tuple[str, Policy]]) -> None:
    result = decide(marketplace, "aws-marketplace:SearchAgreements")
    assert result.missing_context == (
        "aws-marketplace:PartyType",
        "aws-marketplace:AgreementType",
    )


def test_it_refuses_other_marketplace_actions(marketplace: list[tuple[str, Policy]]) -> None:
    assert not decide(marketplace, "aws-marketplace:CancelAgreement", **PROPOSER).allowed
