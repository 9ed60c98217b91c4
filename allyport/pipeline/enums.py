"""The selling domain's closed vocabularies, with the values stored and sent as today."""

from __future__ import annotations

from django.db import models


class Catalog(models.TextChoices):
    AWS = "AWS", "AWS"
    SANDBOX = "Sandbox", "Sandbox"


class ReviewStatus(models.TextChoices):
    """LifeCycle.ReviewStatus of an opportunity (who has to act next)."""

    PENDING_SUBMISSION = "Pending Submission", "Pending Submission"
    SUBMITTED = "Submitted", "Submitted"
    IN_REVIEW = "In review", "In review"
    APPROVED = "Approved", "Approved"
    REJECTED = "Rejected", "Rejected"
    ACTION_REQUIRED = "Action Required", "Action Required"


class Origin(models.TextChoices):
    """Who created an opportunity: the partner, or AWS (a referral it accepted)."""

    AWS_REFERRAL = "AWS Referral", "AWS Referral"
    PARTNER_REFERRAL = "Partner Referral", "Partner Referral"
