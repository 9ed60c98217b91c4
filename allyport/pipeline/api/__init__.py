"""Selling API handlers (registered with `allyport.awsapi.registry` on import)."""

from allyport.pipeline.api import actions, opportunities, solutions

__all__ = ["actions", "opportunities", "solutions"]
