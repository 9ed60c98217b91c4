"""The service models of the installed botocore, loaded once per process, never copied.

Every Partner Central model botocore ships (`partnercentral-*`: selling, account,
benefits, channel, marketing, revenue-measurement, and whatever a newer botocore
brings) is loaded here whatever its protocol (AWS JSON, Smithy RPC v2 CBOR): which
of them the endpoint serves is the endpoint's business.
"""

from __future__ import annotations

from functools import cache

import botocore
import botocore.session
from botocore.model import OperationModel, ServiceModel, Shape

PREFIX = "partnercentral-"


@cache
def _session() -> botocore.session.Session:
    return botocore.session.get_session()


@cache
def services() -> tuple[str, ...]:
    """The boto3 names of the installed `partnercentral-*` services, sorted."""
    names = _session().get_available_services()
    return tuple(sorted(name for name in names if name.startswith(PREFIX)))


@cache
def service_model(name: str) -> ServiceModel:
    return _session().get_service_model(name)


def operation_model(service: str, operation: str) -> OperationModel | None:
    """The operation's model, or None when the service has no such operation."""
    model = service_model(service)
    if operation not in model.operation_names:
        return None
    return model.operation_model(operation)


def shape(service: str, name: str) -> Shape:
    """A named shape of the service's model (NoShapeFoundError when there is none)."""
    return service_model(service).shape_for(name)


@cache
def enum(service: str, name: str) -> tuple[str, ...]:
    """The values of an enum shape, in the model's order (e.g. "Stage", "Industry")."""
    return tuple(shape(service, name).enum)


def choices(service: str, name: str) -> list[tuple[str, str]]:
    """(value, label) pairs of an enum shape, for a form field."""
    return [(value, value) for value in enum(service, name)]


@cache
def paginated_operations(service: str) -> frozenset[str]:
    """The operations the service's paginator model pages."""
    config = _session().get_paginator_model(service)._paginator_config
    return frozenset(config)


def botocore_version() -> str:
    return str(botocore.__version__)
