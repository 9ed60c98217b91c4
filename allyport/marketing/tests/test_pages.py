"""Market > Marketing Central's pages: the trio (sign-in required, another company's
campaign 404, a role without Marketing Central 403) and a company below Confirmed
refused; the catalogue's search and filters, a campaign from a template, the asset
form with its sanitised preview, and the campaign settings' errors next to the fields."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.marketing.catalogue import make_template
from allyport.marketing.models import Campaign, SocialConnection
from allyport.marketing.tests.helpers import (
    asset_of,
    confirmed_company,
    marketer,
    new_campaign,
    ready_campaign,
)
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db


def text(response: Any) -> str:
    return html.unescape(response.content.decode())


def urls(campaign: Campaign) -> list[str]:
    asset = asset_of(campaign, "EMAIL")
    base = f"/market/marketing-central/campaigns/{campaign.public_id}/"
    return [
        "/market/marketing-central/",
        f"/market/marketing-central/templates/{campaign.template.public_id}/",  # type: ignore[union-attr]
        base,
        f"{base}assets/{asset.public_id}/",
        f"{base}assets/{asset.public_id}/preview/",
        "/market/marketing-central/social/",
    ]


def test_every_page_needs_sign_in() -> None:
    campaign = new_campaign(Actor.for_member(marketer()))
    for url in urls(campaign):
        response = Client().get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_a_role_without_marketing_central_is_refused_with_the_reason(
    client_for: Callable[[User], Client],
) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user))
    plain = make_user(user.company, "technical_staff")  # type: ignore[arg-type]
    for url in urls(campaign):
        response = client_for(plain).get(url)
        assert response.status_code == 403, url
        assert "needs the alliance lead" in text(response) and "ace user role" in text(response)
    response = client_for(plain).post(
        f"/market/marketing-central/campaigns/{campaign.public_id}/activate/"
    )
    assert response.status_code == 403
    assert campaign.activations.count() == 0


def test_a_company_below_confirmed_is_refused(client_for: Callable[[User], Client]) -> None:
    early = make_user(make_company(stage="Enrolled")[0], "marketing_staff")
    response = client_for(early).get("/market/marketing-central/")
    assert response.status_code == 403 and "Confirmed or higher" in text(response)


def test_another_companys_campaign_is_not_found(client_for: Callable[[User], Client]) -> None:
    campaign = new_campaign(Actor.for_member(marketer()))
    other = marketer()
    for url in urls(campaign)[2:5]:
        assert client_for(other).get(url).status_code == 404, url
    for action in ("activate", "export", "delete"):
        url = f"/market/marketing-central/campaigns/{campaign.public_id}/{action}/"
        response = client_for(other).post(url, {"confirm": "confirm"})
        assert response.status_code == 404, action
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    assert campaign.activations.count() == 0 and campaign.exports.count() == 0


def test_the_catalogue_searches_and_filters(client_for: Callable[[User], Client]) -> None:
    make_template("Migrate to AWS")
    make_template("Generative AI for retail", industry="RETAIL", themes=["AI"])
    make_template("Unpublished idea", published=False)
    client = client_for(marketer())
    page = text(client.get("/market/marketing-central/"))
    assert "Migrate to AWS" in page and "Generative AI for retail" in page
    assert "Unpublished idea" not in page and "2 templates" in page
    # Filter values read as words, not as the API's enum names.
    response = client.get("/market/marketing-central/")
    assert '<option value="RETAIL">Retail</option>' in response.content.decode()
    assert "Retail · English · AI" in page and "RETAIL ·" not in page
    page = text(client.get("/market/marketing-central/?industry=RETAIL"))
    assert "Generative AI for retail" in page and "Migrate to AWS" not in page
    page = text(client.get("/market/marketing-central/?q=migrate"))
    assert "Migrate to AWS" in page and "Generative AI" not in page
    page = text(client.get("/market/marketing-central/?theme=SECURITY"))
    assert "No template matches these filters." in page


def test_a_campaign_is_created_from_a_template_with_its_assets(
    client_for: Callable[[User], Client],
) -> None:
    template = make_template()
    user = marketer()
    response = client_for(user).post(
        f"/market/marketing-central/templates/{template.public_id}/", {"name": "Autumn push"}
    )
    campaign = Campaign.objects.get(company=user.company)
    assert response.status_code == 302 and campaign.public_id in response["Location"]
    page = text(client_for(user).get(response["Location"]))
    assert "Autumn push" in page and "Invitation email" in page and "LinkedIn post" in page
    assert "Set the sender email." in page and "Fill in Subject line." in page


def test_the_asset_form_fills_fields_and_previews_them_sanitised(
    client_for: Callable[[User], Client],
) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user), PartnerAddress="1 Main St")
    email = asset_of(campaign, "EMAIL")
    url = f"/market/marketing-central/campaigns/{campaign.public_id}/assets/{email.public_id}/"
    response = client_for(user).post(
        url,
        {
            "f_Subject": "Hello",
            "f_Headline": "<b>Big</b> news",
            "f_Body": '<p onclick="x()">Hi <em>there</em><script>alert(1)</script></p>',
            "f_CallToAction": "",
            "layout": "Standard",
            "send_mode": "ON_ACTIVATION",
        },
    )
    assert response.status_code == 302
    page = text(client_for(user).get(url))
    assert "<p>Hi <em>there</em></p>" in page
    assert "alert(1)" not in page and "onclick" not in page
    raw = client_for(user).get(url).content.decode()
    assert "&lt;b&gt;Big&lt;/b&gt; news" in raw  # plain text is escaped, not markup
    preview = text(client_for(user).get(url + "preview/"))
    assert "<p>Hi <em>there</em></p>" in preview and "1 Main St" in preview


def test_a_scheduled_send_in_the_past_is_refused_next_to_the_field(
    client_for: Callable[[User], Client],
) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user))
    email = asset_of(campaign, "EMAIL")
    url = f"/market/marketing-central/campaigns/{campaign.public_id}/assets/{email.public_id}/"
    response = client_for(user).post(
        url,
        {
            "f_Subject": "x" * 151,
            "layout": "Standard",
            "send_mode": "SCHEDULED",
            "scheduled_send_at": "2001-01-01T10:00",
        },
    )
    page = text(response)
    assert response.status_code == 400
    assert "Choose a send time in the future." in page
    assert "Subject line takes at most 150 characters." in page


def test_campaign_settings_show_every_error_at_once(client_for: Callable[[User], Client]) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user))
    response = client_for(user).post(
        f"/market/marketing-central/campaigns/{campaign.public_id}/",
        {
            "name": "Spring",
            "start_on": "2030-05-01",
            "end_on": "2030-04-01",
            "privacy_policy_url": "http://insecure.example",
            "recipients": "a@b.example",
        },
    )
    page = text(response)
    assert response.status_code == 400
    assert "Give an https:// address." in page
    campaign.refresh_from_db()
    assert campaign.recipients == []
    response = client_for(user).post(
        f"/market/marketing-central/campaigns/{campaign.public_id}/",
        {"name": "Spring", "start_on": "2030-05-01", "end_on": "2030-04-01"},
    )
    assert response.status_code == 400 and "The end date is before the start date." in text(
        response
    )


def test_budgets_are_checked_against_each_other(client_for: Callable[[User], Client]) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user))
    url = f"/market/marketing-central/campaigns/{campaign.public_id}/"
    form = {
        "name": "Spring",
        "budget_currency": "EUR",
        "estimated_budget": "500",
        "total_budget": "100",
    }
    response = client_for(user).post(url, form)
    assert response.status_code == 400
    assert "The estimated budget exceeds the total budget." in text(response)
    response = client_for(user).post(url, {**form, "total_budget": "1000"})
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.total_budget == {"Amount": "1000.00", "CurrencyCode": "EUR"}
    assert campaign.estimated_budget == {"Amount": "500.00", "CurrencyCode": "EUR"}


def test_activate_from_the_page_sends_the_emails(
    client_for: Callable[[User], Client], mailoutbox: Any
) -> None:  # noqa: E501
    user = marketer()
    campaign = ready_campaign(Actor.for_member(user))
    base = f"/market/marketing-central/campaigns/{campaign.public_id}/"
    client = client_for(user)
    response = client.post(base + "activate/")
    assert response.status_code == 302
    page = text(client.get(base))
    assert "Activation atsk-" in page and "PARTIAL_FAILURE" in page
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@customer.example", "bo@customer.example"]


def test_delete_asks_for_confirm(client_for: Callable[[User], Client]) -> None:
    user = marketer()
    campaign = new_campaign(Actor.for_member(user))
    url = f"/market/marketing-central/campaigns/{campaign.public_id}/delete/"
    response = client_for(user).post(url, {"confirm": "yes"}, follow=True)
    assert 'Type "confirm" to continue.' in text(response)
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    response = client_for(user).post(url, {"confirm": "confirm"}, follow=True)
    assert "Campaign deleted." in text(response)
    assert not Campaign.objects.filter(pk=campaign.pk).exists()


def test_the_menu_links_marketing_central(client_for: Callable[[User], Client]) -> None:
    page = text(client_for(marketer(confirmed_company())).get("/market/marketing-central/"))
    assert 'href="/market/marketing-central/"' in page


def test_social_connections_through_the_recorded_consent_page(
    client_for: Callable[[User], Client],
) -> None:
    user = marketer()
    client = client_for(user)
    response = client.post("/market/marketing-central/social/", {"platform": "FACEBOOK"})
    consent = response["Location"].split("://", 1)[-1]
    consent = consent[consent.index("/market/") :]
    assert "/social/authorize/" in consent
    assert client_for(marketer()).get(consent).status_code == 404  # another company's flow
    page = text(client.get(consent))
    assert "Connect Facebook" in page and "no social network is contacted" in page
    response = client.post(consent, {"page_name": "Octank on Facebook"}, follow=True)
    page = text(response)
    assert "Facebook connected." in page and "Octank on Facebook" in page and "AUTHORIZED" in page
    assert client.get(consent).status_code == 404  # used once
    connection = SocialConnection.objects.get()
    response = client.post(f"/market/marketing-central/social/{connection.public_id}/delete/")
    assert response.status_code == 302 and not SocialConnection.objects.exists()
