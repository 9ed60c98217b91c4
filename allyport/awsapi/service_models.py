"""The service models of the installed botocore, loaded once per process, never copied.

Only AWS JSON services are served here (protocol `json`): the Partner Central
models under `partnercentral-*` whose metadata names a `targetPrefix`.
"""

from __future__ import annotations

from functools import cache

import botocore
import botocore.session
from botocore.model import OperationModel, ServiceModel

PREFIX = "partnercentral-"


@cache
def _session() -> botocore.session.Session:
    return botocore.session.get_session()


@cache
def service_model(name: str) -> ServiceModel:
    return _session().get_service_model(name)


@cache
def json_services() -> tuple[str, ...]:
    """The boto3 names of the installed `partnercentral-*` AWS JSON services, sorted."""
    names = [name for name in _session().get_available_services() if name.startswith(PREFIX)]
    return tuple(sorted(name for name in names if _is_json(service_model(name))))


def _is_json(model: ServiceModel) -> bool:
    protocols = model.metadata.get("protocols") or [model.metadata.get("protocol")]
    return "json" in protocols and bool(model.metadata.get("targetPrefix"))


@cache
def services_by_target_prefix() -> dict[str, str]:
    """`AWSPartnerCentralSelling` -> `partnercentral-selling`, for every JSON service."""
    return {service_model(name).metadata["targetPrefix"]: name for name in json_services()}


@cache
def signing_names() -> frozenset[str]:
    return frozenset(service_model(name).signing_name for name in json_services())


def operation_model(service: str, operation: str) -> OperationModel | None:
    """The operation's model, or None when the service has no such operation."""
    model = service_model(service)
    if operation not in model.operation_names:
        return None
    return model.operation_model(operation)


@cache
def paginated_operations(service: str) -> frozenset[str]:
    config = _session().get_paginator_model(service)._paginator_config
    return frozenset(config)


def botocore_version() -> str:
    return str(botocore.__version__)
