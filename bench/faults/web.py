"""A browser small enough to reason about: cookies kept, redirects not followed, every
failure an answer (status 0) rather than an exception; and the API's boto3 client."""

from __future__ import annotations

import http.client
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

TIMEOUT = 20


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    text: str = ""
    error: str = ""

    def summary(self) -> str:
        return f"{self.status} {self.error or self.text[:120]!r}"


class Browser:
    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> Answer:
        return self.request("GET", url)

    def post(self, url: str, form: dict[str, str]) -> Answer:
        """A form post with the CSRF cookie's token (GET a page first to have one)."""
        return self.request(
            "POST", url, {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
        )

    def request(self, method: str, url: str, form: dict[str, str] | None = None) -> Answer:
        parts = urlsplit(url)
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": f"{parts.scheme}://{parts.netloc}/",
        }
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException) as error:
            return Answer(0, error=f"{type(error).__name__}: {error}")
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                self._keep(value)
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, text)

    def _keep(self, header: str) -> None:
        name, _sep, value = header.split(";", 1)[0].partition("=")
        if value in ("", '""') or "max-age=0" in header.lower():
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value


def api_client(endpoint: str, key_id: str, secret: str, attempts: int = 1) -> Any:
    """boto3's own client; one attempt unless told, so every answer is seen."""
    import boto3
    from botocore.config import Config

    config = Config(
        retries={"total_max_attempts": attempts, "mode": "standard"},
        connect_timeout=5,
        read_timeout=TIMEOUT,
    )
    return boto3.client(
        "partnercentral-selling",
        endpoint_url=f"{endpoint}/api/aws",
        region_name="us-east-1",
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
        config=config,
    )
