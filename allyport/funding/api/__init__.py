"""Benefits API handlers (botocore `partnercentral-benefits`), registered on import;
listed in `awsapi.apps.HANDLER_MODULES`. Each parses, calls one funding service and
shapes the answer; the services decide access and write the records."""

from allyport.funding.api import applications, benefits, tags  # noqa: F401

SERVICE = "partnercentral-benefits"
