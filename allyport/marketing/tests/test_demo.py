"""`load_demo` fills Marketing Central: a small catalogue and a draft campaign whose
email is filled in, shown to Octank's marketing staff."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client

from allyport.accounts.models import User
from allyport.marketing.models import Campaign, CampaignTemplate

pytestmark = pytest.mark.django_db


def test_the_demo_loads_templates_and_a_campaign(
    capsys: pytest.CaptureFixture[str], client_for: Callable[[User], Client]
) -> None:
    call_command("load_demo")
    assert "Marketing Central: 3 campaign templates" in capsys.readouterr().out
    assert CampaignTemplate.objects.filter(published=True).count() == 3
    campaign = Campaign.objects.get()
    assert campaign.recipients == ["cto@anycompany.example", "it@example.com"]
    user = User.objects.get(email="marketing_staff@octank.example")
    page = client_for(user).get(f"/market/marketing-central/campaigns/{campaign.public_id}/")
    text = page.content.decode()
    assert "Spring migration webinar" in text and "Invitation email" in text
