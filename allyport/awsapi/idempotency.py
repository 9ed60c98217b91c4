"""ClientToken idempotency for handlers that create things (spec §1.8).

    def create_opportunity(ctx, params):
        ctx.authorize(catalog=params["Catalog"])
        return with_client_token(ctx, params["ClientToken"], params, lambda: _create(ctx, params))

The same token with the same body answers the first call's result again and
creates nothing; the same token with another body is a ConflictException. The
key is (company, service, operation, catalog, token); tokens last 8 hours, as
AWS's do.

Simultaneous calls: the row is inserted before `create` runs, under a unique
constraint, in the caller's transaction (the endpoint runs each handler in
one). The first insert wins; on PostgreSQL the others block on the unique index
until the winner commits, then fail the insert and read its stored answer (a
winner that rolls back leaves the token free, and the next call creates). SQLite
serialises writing transactions, to the same effect.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from allyport.awsapi.models import ApiIdempotency
from allyport.awsapi.registry import ApiContext, Conflict
from allyport.shapes import loader, serialization

TOKEN_LIFETIME = timedelta(hours=8)
PRUNE_BATCH = 100
CONFLICT_MESSAGE = "Conflicting client token submitted for a new request body."


def request_hash(params: dict[str, Any]) -> str:
    """SHA-256 of the parameters as canonical JSON (datetimes as ISO-8601)."""
    text = json.dumps(params, sort_keys=True, separators=(",", ":"), default=_json_default)
    return hashlib.sha256(text.encode()).hexdigest()


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def with_client_token(
    ctx: ApiContext, token: str, params: dict[str, Any], create: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """`create()` once per token; the stored answer for a repeat; Conflict for another body."""
    company = ctx.actor.company
    assert company is not None, "idempotency needs the caller's company"
    key = {
        "company": company,
        "service": ctx.service,
        "operation": ctx.operation,
        "catalog": str(params.get("Catalog") or ""),
        "token": token,
    }
    digest = request_hash(params)
    with transaction.atomic():
        row, stored = _claim(key, digest)
        if stored is not None:
            return stored
        answer = _stored_form(ctx, create())
        ApiIdempotency.objects.filter(pk=row.pk).update(response=answer)
    return answer


def _claim(key: dict[str, Any], digest: str) -> tuple[ApiIdempotency, dict[str, Any] | None]:
    """Insert the token's row, or read the existing one: (row, stored answer or None)."""
    now = timezone.now()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                row = ApiIdempotency.objects.create(
                    **key, request_hash=digest, expires_at=now + TOKEN_LIFETIME
                )
            _prune(key["company"], now)
            return row, None
        except IntegrityError:
            existing = ApiIdempotency.objects.filter(**key).first()
        if existing is None or existing.expires_at <= now:  # gone or old: claim it again
            if existing is not None:
                existing.delete()
            continue
        if existing.request_hash != digest:
            raise Conflict(CONFLICT_MESSAGE)
        return existing, existing.response or {}
    raise Conflict(CONFLICT_MESSAGE)  # claimed by another call in between: rare, retryable


def _stored_form(ctx: ApiContext, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer as it goes on the wire, so a replay is byte-for-byte the same."""
    model = loader.operation_model(ctx.service, ctx.operation)
    shape = model.output_shape if model is not None else None
    return serialization.serialize(shape, answer) if shape is not None else dict(answer or {})


def _prune(company: Any, now: datetime) -> None:
    """Expired tokens go lazily: a company's, a batch at a time, when it claims a new
    one. Rows another call holds are skipped, so two pruning calls never deadlock."""
    expired = ApiIdempotency.objects.filter(company=company, expires_at__lte=now)
    batch = expired.select_for_update(skip_locked=True).values_list("pk", flat=True)
    ids = list(batch[:PRUNE_BATCH])
    if ids:
        ApiIdempotency.objects.filter(pk__in=ids).delete()
