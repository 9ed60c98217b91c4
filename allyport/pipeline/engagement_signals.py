"""Sent after a change to an engagement or an invitation commits, for the events that
follow (spec Appendix A §1.9: "Engagement Invitation Created", "… Accepted",
"… Rejected", "Engagement Created", "Engagement Member Added", …)."""

from __future__ import annotations

from django.dispatch import Signal

# kwargs: invitation, change ("Created" | "Accepted" | "Rejected" | "Expired"), actor
# (None for an expiry).
engagement_invitation_changed = Signal()
# kwargs: engagement, change ("Created" | "Member Added"), actor, and for "Member Added"
# the EngagementMember that joined as `member`.
engagement_changed = Signal()
