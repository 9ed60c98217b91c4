"""The Partner Central Marketing API's handlers (botocore `partnercentral-marketing`,
Smithy RPC v2 CBOR; listed in `awsapi.apps.HANDLER_MODULES`). Each parses the
validated request, calls one service (which decides access and records the change)
and shapes the answer."""

from __future__ import annotations

from allyport.marketing.api import campaigns, social, tasks, templates  # noqa: F401 - registers
