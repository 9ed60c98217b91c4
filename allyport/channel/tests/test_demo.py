"""`load_demo` shows the Channel page and Leads Management with data."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from allyport.channel.models import ChannelContract, ChannelHandshake, RebateFigure
from allyport.pipeline.leads.models import LeadRecord

pytestmark = pytest.mark.django_db


def test_the_demo_loads_channel_data_and_leads(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo")
    assert "Channel > Channel Management" in capsys.readouterr().out
    assert sorted(ChannelContract.objects.values_list("status", flat=True)) == [
        "ACCEPTED", "PENDING",
    ]  # fmt: skip
    assert RebateFigure.objects.count() == 2 and ChannelHandshake.objects.count() == 1
    owners = sorted(LeadRecord.objects.values_list("owner__email", flat=True))
    assert owners == [
        "ace_manager@octank.example", "ace_manager@octank.example", "ace_user@octank.example",
    ]  # fmt: skip
