"""While the database is unreachable the API answers 503 ServiceUnavailableException with
Retry-After (boto3 retries it), never InternalServerException with details."""

from __future__ import annotations

from typing import Any

from django.db import OperationalError

from allyport.awsapi.tests.conftest import ApiCredentials, signed_post


def test_the_api_answers_service_unavailable_with_a_retry_hint(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    def lost(ctx: Any, params: dict[str, Any]) -> dict[str, Any]:
        ctx.authorize(catalog=params["Catalog"])
        raise OperationalError("terminating connection due to administrator command")

    handlers("ListSolutions", lost)
    answer = signed_post(api_url, creds, "ListSolutions", b'{"Catalog": "AWS"}')
    assert answer.status == 503
    assert answer.headers["Retry-After"] == "5"
    assert answer.headers["x-amzn-ErrorType"] == "ServiceUnavailableException"
    assert answer.body["__type"] == "ServiceUnavailableException"
    assert "Retry" in answer.body["Message"]
    assert "administrator command" not in str(answer.body)
