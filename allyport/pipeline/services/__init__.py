"""Pipeline services: every change and read of opportunities and solutions.

Each takes the Actor first; the portal (kind "user") is checked against the
access model's rights, IAM callers against their policies by the API handler.
Payloads and answers use the selling API's structures (dicts), so the portal and
the API share one set of rules. Failures: `errors.NotFound`, `errors.Conflict`,
`errors.RuleViolation` (field errors), `access.decisions.PermissionDenied`.
"""

from allyport.pipeline.services.associations import (
    associate_opportunity,
    disassociate_opportunity,
)
from allyport.pipeline.services.common import linked_account_id
from allyport.pipeline.services.lifecycle import (
    assign_opportunity,
    assignee_of,
    submit_opportunity,
)
from allyport.pipeline.services.listing import list_opportunities
from allyport.pipeline.services.opportunities import (
    create_opportunity,
    get_opportunity,
    update_opportunity,
)
from allyport.pipeline.services.output import (
    opportunity_summary,
    opportunity_view,
    solution_summary,
)
from allyport.pipeline.services.review import set_review_status
from allyport.pipeline.services.solutions import (
    create_solution,
    find_solution,
    list_solutions,
    update_solution,
)
from allyport.pipeline.services.summary import get_aws_opportunity_summary

__all__ = [
    "assign_opportunity",
    "assignee_of",
    "associate_opportunity",
    "create_opportunity",
    "create_solution",
    "disassociate_opportunity",
    "find_solution",
    "get_aws_opportunity_summary",
    "get_opportunity",
    "linked_account_id",
    "list_opportunities",
    "list_solutions",
    "opportunity_summary",
    "opportunity_view",
    "set_review_status",
    "solution_summary",
    "submit_opportunity",
    "update_opportunity",
    "update_solution",
]
