"""The operator side (staff, standing in for AWS): the review queue of submitted
opportunities and the form that shares a referral or lead with a partner company.

Both act through the pipeline's services as a staff actor, so each change is
checked and audited as any other.
"""

# Importing the modules registers their admin pages.
from allyport.pipeline.admin import groups, referrals, review_queue  # noqa: F401
