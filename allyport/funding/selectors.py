"""Funding's read side for other apps (events): the ARNs that name its records."""

from allyport.funding.services.history import allocation_arn, application_arn

__all__ = ["allocation_arn", "application_arn"]
