"""Selling API handlers (registered with `allyport.awsapi.registry` on import)."""

from allyport.pipeline.api import actions, engagements, opportunities, solutions  # noqa: F401

__all__ = ["actions", "opportunities", "solutions"]
