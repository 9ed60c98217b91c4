"""What the portal tests share (no tests here): form data for a complete
opportunity, page helpers and the personas' clients."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, future, make_solution
from allyport.testing import make_user


def form_data(**changes: Any) -> dict[str, Any]:
    """The opportunity form filled as `conftest.complete()` fills the API request."""
    data: dict[str, Any] = {
        "catalog": "AWS",
        "customer_company_name": "Example Corp",
        "customer_website_url": "https://example.com",
        "customer_industry": "Software and Internet",
        "customer_country_code": "US",
        "customer_state_or_region": "Washington",
        "customer_city": "Seattle",
        "contact_first_name": "Ana",
        "contact_last_name": "Lee",
        "contact_email": "buyer@example.com",
        "project_title": "Data lake migration",
        "customer_business_problem": "The customer needs to move analytics off premises.",
        "delivery_models": ["SaaS or PaaS"],
        "spend_amount": "2000",
        "spend_currency_code": "USD",
        "spend_frequency": "Monthly",
        "spend_target_company": "AWS",
        "sales_activities": ["Conducted POC / Demo"],
        "stage": "Qualified",
        "next_steps": "Call the buyer",
        "target_close_date": future(),
        "opportunity_type": "Net New Business",
        "primary_needs_from_aws": ["Co-Sell - Technical Consultation"],
        "partner_opportunity_identifier": "crm-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def text(response: Any) -> str:
    """The page as text, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def field_errors(response: Any) -> dict[str, list[str]]:
    """The errors shown next to each field of the page's main form."""
    form = response.context["form"]
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def opportunity_of(user: User, catalog: str = "AWS", **changes: Any) -> Opportunity:
    """An opportunity created through the service by `user` (who then owns it)."""
    return services.create_opportunity(actors.for_user(user), catalog, complete(**changes))


def member(company: Company, *roles: str, email: str | None = None) -> User:
    return make_user(company, *roles, email=email)


def signed_in(user: User) -> Client:
    from allyport.accounts import backends

    client = Client()
    client.force_login(user, backend=backends.PATH)
    return client


def with_solution(user: User, opportunity: Opportunity) -> Opportunity:
    """Associate an active offering, as submission needs one."""
    solution = make_solution(opportunity.company, opportunity.catalog)
    return services.associate_opportunity(
        actors.for_user(user),
        opportunity.catalog,
        opportunity.public_id,
        "Solutions",
        solution.public_id,
    )
