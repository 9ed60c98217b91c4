"""The profile operations of the Account API through the real boto3 client: the
partner a key acts for, its contact, profile task, visibility, certification domains,
verification and qualification association, each as botocore parses it, and the
portal's records changed by them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.audit.models import AuditEvent
from allyport.profiles.models import CertificationDomain
from allyport.profiles.tests.conftest import TASK_DETAILS
from allyport.profiles.tests.test_domain_services import last_code
from allyport.testing import make_credentials

pytestmark = pytest.mark.django_db(transaction=True)
CONTACT = {"FirstName": "Mary", "LastName": "Major", "BusinessTitle": "Alliance lead"}


def test_the_partner_its_contact_and_profile_task(account_client: Callable[..., Any]) -> None:
    creds = make_credentials()
    assert creds.company is not None
    client, partner_id = account_client(creds), creds.company.public_id
    got = client.get_partner(Catalog="AWS", Identifier=partner_id)
    assert got["Id"] == partner_id and got["LegalName"] == creds.company.legal_name
    assert got["Profile"]["ProfileId"].startswith("pprofile-")
    assert got["Arn"].endswith(f":{creds.user.account.account_id}:catalog/AWS/partner/{partner_id}")
    pages = client.get_paginator("list_partners").paginate(Catalog="AWS")
    assert [p["Id"] for page in pages for p in page["PartnerSummaryList"]] == [partner_id]

    domain = creds.company.domains.first().domain
    email = f"mary@{domain}"
    client.send_email_verification_code(Catalog="AWS", Email=email)
    put = client.put_alliance_lead_contact(
        Catalog="AWS", Identifier=got["Arn"], AllianceLeadContact={**CONTACT, "Email": email},
        EmailVerificationCode=last_code(email),
    )  # fmt: skip
    assert put["AllianceLeadContact"]["Email"] == email
    assert client.get_alliance_lead_contact(Catalog="AWS", Identifier=partner_id)[
        "AllianceLeadContact"]["FirstName"] == "Mary"  # fmt: skip

    task = client.start_profile_update_task(
        Catalog="AWS", Identifier=partner_id, TaskDetails=TASK_DETAILS
    )
    assert task["TaskId"].startswith("pprofiletask-") and task["Status"] == "SUCCEEDED"
    latest = client.get_profile_update_task(Catalog="AWS", Identifier=partner_id)
    assert latest["TaskId"] == task["TaskId"]
    shown = client.get_partner(Catalog="AWS", Identifier=partner_id)["Profile"]
    assert shown["DisplayName"] == TASK_DETAILS["DisplayName"]
    with pytest.raises(client.exceptions.ConflictException) as done:
        client.cancel_profile_update_task(
            Catalog="AWS", Identifier=partner_id, TaskId=task["TaskId"]
        )
    assert done.value.response["Reason"] == "INCOMPATIBLE_PARTNER_PROFILE_TASK_STATE"
    event = AuditEvent.objects.filter(event_name="StartProfileUpdateTask").get()
    assert event.event_source == "partnercentral-account.amazonaws.com"


def test_visibility_domains_and_verification(account_client: Callable[..., Any]) -> None:
    creds = make_credentials()
    assert creds.company is not None
    client, partner_id = account_client(creds), creds.company.public_id
    public = client.put_profile_visibility(
        Catalog="AWS", Identifier=partner_id, Visibility="PUBLIC"
    )
    assert public["Visibility"] == "PUBLIC"
    got = client.get_profile_visibility(Catalog="AWS", Identifier=partner_id)
    assert got["Visibility"] == "PUBLIC" and got["ProfileId"].startswith("pprofile-")

    email = "trainer@learning-octank.example"
    client.send_email_verification_code(Catalog="AWS", Email=email)
    client.associate_aws_training_certification_email_domain(
        Catalog="AWS", Identifier=partner_id, Email=email, EmailVerificationCode=last_code(email)
    )
    domains = client.get_partner(Catalog="AWS", Identifier=partner_id)[
        "AwsTrainingCertificationEmailDomains"]  # fmt: skip
    assert [d["DomainName"] for d in domains] == ["learning-octank.example"]
    client.disassociate_aws_training_certification_email_domain(
        Catalog="AWS", Identifier=partner_id, DomainName="learning-octank.example"
    )
    assert not CertificationDomain.objects.exists()

    with pytest.raises(client.exceptions.ResourceNotFoundException) as none:
        client.get_verification(VerificationType="BUSINESS_VERIFICATION")
    assert none.value.response["Reason"] == "VERIFICATION_NOT_FOUND"
    details = {"LegalName": creds.company.legal_name, "RegistrationId": "HRB 1234",
               "CountryCode": "DE"}  # fmt: skip
    started = client.start_verification(
        VerificationDetails={"BusinessVerificationDetails": details}
    )
    assert started["VerificationStatus"] == "IN_PROGRESS"
    with pytest.raises(client.exceptions.ConflictException) as again:
        client.start_verification(VerificationDetails={"BusinessVerificationDetails": details})
    assert again.value.response["Reason"] == "VERIFICATION_ALREADY_IN_PROGRESS"


def test_qualifications_need_a_subsidiary_connection(account_client: Callable[..., Any]) -> None:
    sub, primary = make_credentials(), make_credentials()
    assert sub.company is not None and primary.company is not None
    client, other = account_client(sub), account_client(primary)
    reference = {"AccountId": primary.user.account.account_id}
    with pytest.raises(client.exceptions.ValidationException) as refused:
        client.start_qualifications_association_task(
            Catalog="AWS", Identifier=sub.company.public_id, PrimaryPartner=reference
        )
    detail = refused.value.response["ErrorDetails"][0]["BusinessValidationError"]
    assert detail["Code"] == "MISSING_ACTIVE_SUBSIDIARY_CONNECTION"

    invitation = client.create_connection_invitation(
        Catalog="AWS", ConnectionType="SUBSIDIARY", Email="a@example.com", Name="A",
        Message="We are your subsidiary", ReceiverIdentifier=primary.company.public_id,
    )  # fmt: skip
    other.accept_connection_invitation(Catalog="AWS", Identifier=invitation["Id"])
    task = client.start_qualifications_association_task(
        Catalog="AWS", Identifier=sub.company.public_id, PrimaryPartner=reference
    )
    assert task["TaskId"].startswith("pqatask-")
    latest = client.get_qualifications_association_task(
        Catalog="AWS", Identifier=sub.company.public_id
    )
    assert latest["TaskId"] == task["TaskId"]
    details = client.get_qualifications_association_details(
        Catalog="AWS", Identifier=sub.company.public_id
    )
    assert details["Status"] == "ASSOCIATED"  # the immediate task backend completed it
    gone = client.start_qualifications_disassociation_task(
        Catalog="AWS", Identifier=sub.company.public_id, AssociatedPartner=reference
    )
    assert gone["TaskId"].startswith("pqdtask-")
    assert client.get_qualifications_disassociation_task(
        Catalog="AWS", Identifier=sub.company.public_id)["TaskId"] == gone["TaskId"]  # fmt: skip


def test_another_partner_and_create_partner_are_refused(
    account_client: Callable[..., Any],
) -> None:
    mine, theirs = make_credentials(), make_credentials()
    assert theirs.company is not None
    client = account_client(mine)
    with pytest.raises(ClientError) as missing:
        client.get_partner(Catalog="AWS", Identifier=theirs.company.public_id)
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert missing.value.response["Reason"] == "PARTNER_NOT_FOUND"
    with pytest.raises(client.exceptions.ConflictException) as duplicate:
        client.create_partner(
            Catalog="AWS", LegalName="Second", PrimarySolutionType="SOFTWARE_PRODUCTS",
            AllianceLeadContact={**CONTACT, "Email": "x@second.example"},
            EmailVerificationCode="123456",
        )  # fmt: skip
    assert duplicate.value.response["Reason"] == "DUPLICATE_PARTNER"
