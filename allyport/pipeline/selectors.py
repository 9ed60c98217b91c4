"""The selling domain's read side for other apps: who sees what, and the ARNs and
account ids that name the pipeline's resources in records and events.

Like `services`, this module only re-exports; the functions live in the
pipeline's parts.
"""

from allyport.pipeline.engagements.invitations import invitation_arn
from allyport.pipeline.engagements.selectors import account_of, engagement_arn
from allyport.pipeline.shared.arns import arn_of, linked_account_id, opportunity_arn
from allyport.pipeline.shared.scope import company_of, sees_all

__all__ = [
    "account_of",
    "arn_of",
    "company_of",
    "engagement_arn",
    "invitation_arn",
    "linked_account_id",
    "opportunity_arn",
    "sees_all",
]
