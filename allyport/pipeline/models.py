"""The selling domain's tables, registered with the pipeline app.

Each part keeps its models in its own package (`opportunities.models`, …); Django
finds them through this module, and other apps import them from here.
"""

from allyport.pipeline.engagements.models import (
    Engagement,
    EngagementInvitation,
    EngagementMember,
    EngagementTask,
)
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.prospecting.models import EngagementGroup, ProspectingResult, ProspectingTask
from allyport.pipeline.shared.models import ResourceTagSet, SellingSystemSettings
from allyport.pipeline.snapshots.models import (
    EngagementResourceAssociation,
    ResourceSnapshot,
    ResourceSnapshotJob,
)
from allyport.pipeline.solutions.models import Solution

__all__ = [
    "Engagement",
    "EngagementGroup",
    "EngagementInvitation",
    "EngagementMember",
    "EngagementResourceAssociation",
    "EngagementTask",
    "Opportunity",
    "OpportunityFromEngagementTask",
    "ProspectingResult",
    "ProspectingTask",
    "ResourceSnapshot",
    "ResourceSnapshotJob",
    "ResourceTagSet",
    "SellingSystemSettings",
    "Solution",
]
