"""Account API handlers of the partner, its profile, alliance lead contact, domains,
verification and qualification association (registered on import; listed in
`awsapi.apps.HANDLER_MODULES`). Each calls the profiles services the Account API
section of docs/ARCHITECTURE.md lists; connections are `allyport.connections.api`."""

from __future__ import annotations

from allyport.profiles.api import partners, tasks  # noqa: F401 - registers the operations
