"""What other apps' pages use from the pipeline's pages: the menu items they sit
under, the catalog switch (`?catalog=Sandbox`), the owner choices and the
Opportunity Management filter bar (bulk exports filter the same way).

An adapter-side interface: views of other apps import it, domain code never does
(import-linter's `no-adapters-in-domains` contract). Like `services` and
`selectors`, this module only re-exports; the pieces live in `views/common.py`
and `forms/filters.py`. The answers to the services' refusals (404/403) are not
the pipeline's: `allyport.access.views.service_refusals`.
"""

from allyport.pipeline.forms.filters import OpportunityFilterForm
from allyport.pipeline.views.common import (
    LEADS_MANAGEMENT,
    OPPORTUNITY_MANAGEMENT,
    catalog_of,
    catalog_query,
    owner_candidates,
    posted,
)

__all__ = [
    "LEADS_MANAGEMENT",
    "OPPORTUNITY_MANAGEMENT",
    "OpportunityFilterForm",
    "catalog_of",
    "catalog_query",
    "owner_candidates",
    "posted",
]
