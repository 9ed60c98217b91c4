"""The Partner Central Channel API's handlers (botocore `partnercentral-channel`, AWS
JSON 1.0, target prefix PartnerCentralChannel; listed in `awsapi.apps.HANDLER_MODULES`).
Each parses the validated request, calls one service (which decides access and records
the change) and shapes the answer."""

from __future__ import annotations

from allyport.channel.api import accounts, contracts, handshakes, tags  # noqa: F401 - registers
