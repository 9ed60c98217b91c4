"""Selling API handlers (registered with `allyport.awsapi.registry` on import)."""

from allyport.pipeline.api import (  # noqa: F401
    actions,
    contexts,
    engagements,
    opportunities,
    prospecting,
    snapshots,
    solutions,
    system_settings,
    tags,
)

__all__ = ["actions", "opportunities", "solutions"]
