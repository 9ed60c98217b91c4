"""Answers while the database cannot be reached (restarted, failed over, full).

A request that meets a lost connection gets 503 with `Retry-After` instead of an
error page: a friendly page in the browser, the AWS JSON error body on the API.
Nothing is half written: every change runs in a transaction, which the database
rolls back with the connection. Django opens a new connection on the next request
(`CONN_HEALTH_CHECKS` in settings drops a dead persistent one first), so the
service recovers by itself when the database is back.
"""

from __future__ import annotations

import json
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/aws"
API_ERROR_CODE = "ServiceUnavailableException"
logger = logging.getLogger(__name__)


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, (OperationalError, InterfaceError))


def api_unavailable(request_id: str) -> HttpResponse:
    """AWS JSON 1.0 error: boto3 reads `__type` and retries a 503 by itself."""
    logger.warning("The database is unavailable: API request %s answered 503", request_id)
    body = {
        "__type": API_ERROR_CODE,
        "Message": _("The service is briefly unavailable. Retry the request."),
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=503, content_type="application/x-amz-json-1.0"
    )
    response["x-amzn-RequestId"] = request_id
    response["x-amzn-ErrorType"] = API_ERROR_CODE
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def unavailable(request: HttpRequest) -> HttpResponse:
    """The page (no context processors: they read the database)."""
    if request.path.startswith(API_PREFIX):
        return api_unavailable(request.headers.get("x-amzn-RequestId", ""))
    page = render_to_string("core/503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
