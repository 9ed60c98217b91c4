"""Resource snapshots, snapshot jobs and engagement resource associations (spec §2.12).

A snapshot is an immutable copy of part of a partner's opportunity, shared with
the members of an engagement. The part is a template's: `OpportunitySummary`
(the OpportunitySummaryView) or `AwsOpportunitySummaryFullView` (AWS's view, once
AWS has the opportunity) — the payload union's members. Revisions count up per
engagement, resource and template. Only the opportunity's company makes
snapshots of it; every member of the engagement reads them.

A snapshot job belongs to the company that created it. Created Stopped; while
Running it makes a new revision whenever the opportunity changes (the
change announced by `pipeline.effects`, after commit) and differs from the latest
revision. A run needs the role of the company's selling system settings (as the
real jobs run with it); without one the run fails and `LastFailure` says why.
Stop only a running job, delete only a stopped one (ConflictException otherwise).

The first snapshot or job of an opportunity in an engagement associates the two
(ListEngagementResourceAssociations).
"""

from allyport.pipeline.snapshots.jobs import (
    create_job,
    delete_job,
    find_job,
    list_jobs,
    run_jobs_for,
    start_job,
    stop_job,
)
from allyport.pipeline.snapshots.representations import (
    OPPORTUNITY_SUMMARY,
    association_summary,
    job_arn,
    job_summary,
    job_view,
    snapshot_arn,
    snapshot_summary,
    snapshot_view,
)
from allyport.pipeline.snapshots.revisions import (
    create_snapshot,
    get_snapshot,
    list_associations,
    list_snapshots,
)

__all__ = [
    "OPPORTUNITY_SUMMARY",
    "association_summary",
    "create_job",
    "create_snapshot",
    "delete_job",
    "find_job",
    "get_snapshot",
    "job_arn",
    "job_summary",
    "job_view",
    "list_associations",
    "list_jobs",
    "list_snapshots",
    "run_jobs_for",
    "snapshot_arn",
    "snapshot_summary",
    "snapshot_view",
    "start_job",
    "stop_job",
]
