"""The selling domain's outward signals, sent by `pipeline.effects` after a change
commits, for the events and notifications that follow (spec Appendix A §1.9), and
one inside the change's transaction (`opportunities_stored`).
Other apps connect their receivers in their AppConfig.ready."""

from __future__ import annotations

from django.dispatch import Signal

# kwargs: opportunity, change ("Created" | "Updated"), actor ("Opportunity Created", …).
opportunity_changed = Signal()
# kwargs: invitation, change ("Created" | "Accepted" | "Rejected" | "Expired"), actor
# (None for an expiry).
engagement_invitation_changed = Signal()
# kwargs: engagement, change ("Created" | "Member Added"), actor, and for "Member Added"
# the EngagementMember that joined as `member`.
engagement_changed = Signal()
# kwargs: opportunities. Sent inside the transaction that inserted a batch with
# bulk_create (which sends no post_save), for what must change with it: the search index.
opportunities_stored = Signal()
