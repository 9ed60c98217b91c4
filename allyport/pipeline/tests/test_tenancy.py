"""One company and one catalog at a time; owned or all for portal members."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.core.errors import NotFound
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, iam_actor, member_actor

pytestmark = pytest.mark.django_db


def ids(page: Any) -> set[str]:
    return {opportunity.public_id for opportunity in page.items}


def test_it_hides_another_companys_opportunity(api: Any, outsider: Any) -> None:
    theirs = services.create_opportunity(iam_actor(outsider.company), "AWS", complete())
    with pytest.raises(NotFound):
        services.get_opportunity(api, "AWS", theirs.public_id)
    with pytest.raises(NotFound):
        services.update_opportunity(
            api, "AWS", theirs.public_id, {}, last_modified_date=theirs.last_modified_date
        )
    with pytest.raises(NotFound):
        services.submit_opportunity(api, "AWS", theirs.public_id, "Co-Sell")
    assert ids(services.list_opportunities(api, "AWS", {})) == set()


def test_it_keeps_the_catalogs_apart(api: Any) -> None:
    sandbox = services.create_opportunity(api, "Sandbox", complete())
    with pytest.raises(NotFound):
        services.get_opportunity(api, "AWS", sandbox.public_id)
    assert ids(services.list_opportunities(api, "AWS", {})) == set()
    assert ids(services.list_opportunities(api, "Sandbox", {})) == {sandbox.public_id}


def test_it_shows_ace_users_only_what_they_own(company: Any, ace: Any, manager: Any) -> None:
    user, actor = ace
    mine = services.create_opportunity(actor, "AWS", complete())
    others = services.create_opportunity(manager, "AWS", complete())
    unowned = services.create_opportunity(iam_actor(company), "AWS", complete())
    assert ids(services.list_opportunities(actor, "AWS", {})) == {mine.public_id}
    with pytest.raises(NotFound):
        services.get_opportunity(actor, "AWS", others.public_id)
    with pytest.raises(NotFound):
        services.get_opportunity(actor, "AWS", unowned.public_id)
    everything = {mine.public_id, others.public_id, unowned.public_id}
    assert ids(services.list_opportunities(manager, "AWS", {})) == everything


def test_it_shows_alliance_leads_everything(company: Any, lead: Any, ace: Any) -> None:
    from allyport.access import actor as actors

    _user, actor = ace
    mine = services.create_opportunity(actor, "AWS", complete())
    lead_actor = actors.for_user(lead)
    assert services.get_opportunity(lead_actor, "AWS", mine.public_id) == mine


def test_it_shows_the_api_every_opportunity_of_the_company(company: Any, ace: Any) -> None:
    _user, actor = ace
    mine = services.create_opportunity(actor, "AWS", complete())
    api = iam_actor(company)
    assert services.get_opportunity(api, "AWS", mine.public_id) == mine


def test_it_filters_the_portal_list_by_owner_and_search(
    company: Any, ace: Any, manager: Any
) -> None:
    user, actor = ace
    mine = services.create_opportunity(actor, "AWS", complete())
    services.create_opportunity(
        manager, "AWS", complete(Customer={"Account": {"CompanyName": "Zed"}})
    )
    by_owner = services.list_opportunities(manager, "AWS", {}, owner=user)
    assert ids(by_owner) == {mine.public_id}
    assert ids(services.list_opportunities(manager, "AWS", {}, search="example")) == {
        mine.public_id
    }


def test_it_refuses_marketing_staff_submission(company: Any) -> None:
    from allyport.access.decisions import PermissionDenied

    _user, actor = member_actor(company, "marketing_staff")
    opportunity = services.create_opportunity(actor, "AWS", complete())
    with pytest.raises(PermissionDenied):
        services.submit_opportunity(actor, "AWS", opportunity.public_id, "Co-Sell")
