"""The selling domain's write side, as other apps and the pipeline's adapters use it.

Each service takes the Actor first and asks `access.decisions.authorize` with its
operation's Permission (`shared/permissions.py`): members against the access
model's rights, IAM principals against their policies, whatever the entry point.
Payloads and answers use the selling API's structures (dicts), so the portal and
the API share one set of rules. Failures: `core.errors.NotFound`, `Conflict`,
`RuleViolation` (field errors), `access.decisions.PermissionDenied`.

This module only re-exports: the functions live in the pipeline's parts
(`opportunities`, `solutions`, `engagements`, `leads`, `snapshots`, `prospecting`,
`shared`), whose other modules are private to the pipeline.
"""

from allyport.pipeline.leads.management import create_lead_by_hand, lead_of, visible_records
from allyport.pipeline.leads.services import LEAD_COLUMNS, create_lead
from allyport.pipeline.opportunities.associations import (
    associate_opportunity,
    disassociate_opportunity,
)
from allyport.pipeline.opportunities.batch_create import create_opportunities
from allyport.pipeline.opportunities.lifecycle import (
    assign_opportunity,
    assignee_of,
    submit_opportunity,
)
from allyport.pipeline.opportunities.listing import list_opportunities
from allyport.pipeline.opportunities.output import (
    opportunity_summary,
    opportunity_view,
    solution_summary,
)
from allyport.pipeline.opportunities.review import set_review_status
from allyport.pipeline.opportunities.selectors import get_opportunity
from allyport.pipeline.opportunities.services import (
    create_opportunity,
    prepare_opportunity,
    update_opportunity,
)
from allyport.pipeline.opportunities.summary import get_aws_opportunity_summary
from allyport.pipeline.shared.clock import next_modified, now_ms
from allyport.pipeline.shared.console_audit import SELLING_SOURCE, console_event, record_console
from allyport.pipeline.shared.payload import READ_ONLY_LIFE_CYCLE, UPDATABLE, clean, editable
from allyport.pipeline.shared.permissions import (
    CREATE_OPPORTUNITY,
    GET_OPPORTUNITY,
    UPDATE_OPPORTUNITY,
)
from allyport.pipeline.shared.scope import (
    MANAGE_ALL,
    MANAGE_OWNED,
    SUBMIT,
    check_catalog,
    opportunity_target,
    pipeline_company,
    require_pipeline,
)
from allyport.pipeline.shared.tags import check_tags, register_taggable
from allyport.pipeline.solutions.selectors import find_solution, list_solutions
from allyport.pipeline.solutions.services import create_solution, update_solution

__all__ = [
    "create_lead_by_hand",
    "lead_of",
    "visible_records",
    "CREATE_OPPORTUNITY",
    "GET_OPPORTUNITY",
    "UPDATE_OPPORTUNITY",
    "opportunity_target",
    "LEAD_COLUMNS",
    "MANAGE_ALL",
    "MANAGE_OWNED",
    "READ_ONLY_LIFE_CYCLE",
    "SELLING_SOURCE",
    "SUBMIT",
    "UPDATABLE",
    "assign_opportunity",
    "assignee_of",
    "associate_opportunity",
    "check_catalog",
    "check_tags",
    "clean",
    "console_event",
    "create_lead",
    "create_opportunities",
    "create_opportunity",
    "create_solution",
    "disassociate_opportunity",
    "editable",
    "find_solution",
    "get_aws_opportunity_summary",
    "get_opportunity",
    "list_opportunities",
    "list_solutions",
    "next_modified",
    "now_ms",
    "opportunity_summary",
    "opportunity_view",
    "prepare_opportunity",
    "record_console",
    "register_taggable",
    "pipeline_company",
    "require_pipeline",
    "set_review_status",
    "solution_summary",
    "submit_opportunity",
    "update_opportunity",
    "update_solution",
]
