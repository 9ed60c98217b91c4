"""SigV4 (AWS4-HMAC-SHA256) verification against the cloud app's access keys.

The canonical request is rebuilt from what arrived (method, path, query, the
headers the client says it signed, the body's SHA-256), the signing key derived
from the decrypted secret as AWS does, and the signatures compared in constant
time. Refusals use AWS's codes and wording; every one is a 403:

- no Authorization header: MissingAuthenticationTokenException;
- a header that cannot be read (parts missing, bad date, host not signed):
  IncompleteSignatureException;
- an unknown access key, and an Inactive one: UnrecognizedClientException
  ("The security token included in the request is invalid."), which is what
  AWS's JSON services answer for both, so a caller cannot tell them apart;
- a wrong signature, a credential scoped to another date or service, and a
  timestamp more than 5 minutes from the server's clock: InvalidSignatureException
  (the last with AWS's "Signature expired" / "not yet current" message).

The credential scope's region is not checked against a list: the signature
covers it, and a self-hosted endpoint has no regions of its own. The payload hash
is always computed from the body received (an `X-Amz-Content-SHA256` of
`UNSIGNED-PAYLOAD` does not match). Only SigV4 is read: SigV4a (what botocore
uses for partnercentral-channel when `awscrt` is installed) is refused as
incomplete. Secrets and signatures are never logged.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import quote

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from allyport.awsapi.registry import ApiError
from allyport.cloud.models import AccessKey
from allyport.core.encryption import decrypt

ALGORITHM = "AWS4-HMAC-SHA256"
AMZ_DATE = "%Y%m%dT%H%M%SZ"
MAX_SKEW = timedelta(minutes=5)
TOUCH_EVERY = timedelta(minutes=1)
INVALID_TOKEN = "The security token included in the request is invalid."
MISMATCH = (
    "The request signature we calculated does not match the signature you provided. "
    "Check your AWS Secret Access Key and signing method. "
    "Consult the service documentation for details."
)


def missing_token() -> ApiError:
    return ApiError(
        "Missing Authentication Token", code="MissingAuthenticationTokenException", status=403
    )


def incomplete(message: str) -> ApiError:
    return ApiError(message, code="IncompleteSignatureException", status=403)


def invalid_signature(message: str = MISMATCH) -> ApiError:
    return ApiError(message, code="InvalidSignatureException", status=403)


def unrecognized_client() -> ApiError:
    return ApiError(INVALID_TOKEN, code="UnrecognizedClientException", status=403)


@dataclass(frozen=True)
class Authorization:
    access_key_id: str
    date: str  # YYYYMMDD
    region: str
    service: str
    signed_headers: tuple[str, ...]
    signature: str

    @property
    def scope(self) -> str:
        return f"{self.date}/{self.region}/{self.service}/aws4_request"


def parse_authorization(header: str) -> Authorization:
    """Read `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`."""
    if not header.strip():
        raise missing_token()
    algorithm, _sep, rest = header.strip().partition(" ")
    if algorithm != ALGORITHM:
        raise incomplete(f"Unsupported signing algorithm {algorithm[:40]!r}: use {ALGORITHM}.")
    parts = dict(item.strip().partition("=")[::2] for item in rest.split(","))
    absent = [name for name in ("Credential", "SignedHeaders", "Signature") if not parts.get(name)]
    if absent:
        raise incomplete(
            " ".join(f"Authorization header requires '{n}' parameter." for n in absent)
        )
    credential = parts["Credential"].split("/")
    if len(credential) != 5 or credential[4] != "aws4_request" or not all(credential):
        raise incomplete(
            "Credential should be scoped with a valid terminator: 'aws4_request', "
            "as AKID/YYYYMMDD/region/service/aws4_request."
        )
    signed = tuple(parts["SignedHeaders"].lower().split(";"))
    if "host" not in signed:
        raise incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.")
    key_id, date, region, service, _terminator = credential
    return Authorization(key_id, date, region, service, signed, parts["Signature"])


def request_time(request: HttpRequest, signed: Collection[str]) -> tuple[datetime, str]:
    """The signed moment (X-Amz-Date, or Date) and its basic ISO-8601 form."""
    amz_date = request.headers.get("X-Amz-Date", "")
    if amz_date:
        if "x-amz-date" not in signed:
            raise incomplete("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")
        try:
            moment = datetime.strptime(amz_date, AMZ_DATE).replace(tzinfo=UTC)
        except ValueError as error:
            raise incomplete(
                f"Date must be in ISO-8601 'basic format'. Got {amz_date[:40]!r}."
            ) from error
        return moment, amz_date
    http_date = request.headers.get("Date", "")
    if not http_date or "date" not in signed:
        raise incomplete(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
        )
    try:
        moment = parsedate_to_datetime(http_date).astimezone(UTC)
    except (TypeError, ValueError) as error:
        raise incomplete("The Date header is not an HTTP date.") from error
    return moment, moment.strftime(AMZ_DATE)


def check_fresh(moment: datetime, now: datetime) -> None:
    """AWS's 5-minute window, with its messages."""
    stamp = moment.strftime(AMZ_DATE)
    if moment < now - MAX_SKEW:
        earliest = (now - MAX_SKEW).strftime(AMZ_DATE)
        raise invalid_signature(
            f"Signature expired: {stamp} is now earlier than {earliest} "
            f"({now.strftime(AMZ_DATE)} - 5 min.)"
        )
    if moment > now + MAX_SKEW:
        latest = (now + MAX_SKEW).strftime(AMZ_DATE)
        raise invalid_signature(
            f"Signature not yet current: {stamp} is still later than {latest} "
            f"({now.strftime(AMZ_DATE)} + 5 min.)"
        )


def canonical_request(request: HttpRequest, signed: tuple[str, ...], body: bytes) -> str:
    headers = "".join(f"{name}:{_header_value(request, name)}\n" for name in signed)
    return "\n".join(
        [
            request.method or "",
            quote(request.path, safe="/~"),
            _canonical_query(request.META.get("QUERY_STRING", "")),
            headers,
            ";".join(signed),
            hashlib.sha256(body).hexdigest(),
        ]
    )


def _header_value(request: HttpRequest, name: str) -> str:
    return " ".join(request.headers.get(name, "").split())


def _canonical_query(query: str) -> str:
    pairs = sorted(tuple(item.partition("=")[::2]) for item in query.split("&") if item)
    return "&".join(f"{key}={value}" for key, value in pairs)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def signature(secret: str, auth: Authorization, amz_date: str, canonical: str) -> str:
    """The signature AWS would compute for this canonical request."""
    key = _hmac(f"AWS4{secret}".encode(), auth.date)
    for part in (auth.region, auth.service, "aws4_request"):
        key = _hmac(key, part)
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    string_to_sign = "\n".join([ALGORITHM, amz_date, auth.scope, digest])
    return hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()


def find_key(access_key_id: str) -> AccessKey:
    """The Active key with its user, account, link and company, in one query."""
    key = (
        AccessKey.objects.select_related("user__account__link__company")
        .filter(access_key_id=access_key_id[:32])
        .first()
    )
    if key is None or key.status != AccessKey.ACTIVE:
        raise unrecognized_client()
    return key


def touch(key: AccessKey, now: datetime) -> None:
    """Record use at most once a minute, so calls do not each write the key's row."""
    if key.last_used_at is not None and now - key.last_used_at < TOUCH_EVERY:
        return
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOUCH_EVERY)
    AccessKey.objects.filter(stale, pk=key.pk).update(last_used_at=now)


def authenticate(
    request: HttpRequest, body: bytes, services: Collection[str]
) -> tuple[AccessKey, Authorization]:
    """The Active access key that signed this request, or the AWS refusal."""
    auth = parse_authorization(request.headers.get("Authorization", ""))
    moment, amz_date = request_time(request, auth.signed_headers)
    now = timezone.now()
    check_fresh(moment, now)
    if auth.date != amz_date[:8]:
        raise invalid_signature(
            f"Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
            f"of date from HTTP: {auth.date[:8]!r} != {amz_date[:8]!r}, from {amz_date!r}."
        )
    if auth.service not in services:
        expected_service = next(iter(services)) if len(services) == 1 else "partnercentral-*"
        raise invalid_signature(
            f"Credential should be scoped to correct service: '{expected_service}'."
        )
    key = find_key(auth.access_key_id)
    canonical = canonical_request(request, auth.signed_headers, body)
    expected = signature(decrypt(key.secret_encrypted), auth, amz_date, canonical)
    if not hmac.compare_digest(expected.encode(), auth.signature.encode(errors="replace")):
        raise invalid_signature()
    touch(key, now)
    return key, auth
