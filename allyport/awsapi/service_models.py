"""The services this endpoint answers, by wire protocol, among the installed models.

Two protocols are served: AWS JSON 1.0 (protocol `json`, chosen by `X-Amz-Target`)
and Smithy RPC v2 CBOR (protocol `smithy-rpc-v2-cbor`, chosen by the path
`/service/<targetPrefix>/operation/<Operation>`). Both name a service by its
model's `targetPrefix`. The models themselves are loaded by `allyport.shapes.loader`.
"""

from __future__ import annotations

from functools import cache

from botocore.model import ServiceModel

from allyport.shapes import loader

JSON = "json"
CBOR = "smithy-rpc-v2-cbor"


def protocols_of(model: ServiceModel) -> list[str]:
    return list(model.metadata.get("protocols") or [model.metadata.get("protocol")])


def _speaks(model: ServiceModel, protocol: str) -> bool:
    return protocol in protocols_of(model) and bool(model.metadata.get("targetPrefix"))


@cache
def json_services() -> tuple[str, ...]:
    """The boto3 names of the installed `partnercentral-*` AWS JSON services, sorted."""
    return tuple(name for name in loader.services() if _speaks(loader.service_model(name), JSON))


@cache
def cbor_services() -> tuple[str, ...]:
    """The installed services served over Smithy RPC v2 CBOR (those without JSON)."""
    return tuple(
        name
        for name in loader.services()
        if name not in json_services() and _speaks(loader.service_model(name), CBOR)
    )


@cache
def served_services() -> tuple[str, ...]:
    """Every service the endpoint answers, whatever its protocol, sorted."""
    return tuple(sorted((*json_services(), *cbor_services())))


def protocol(service: str) -> str:
    """The protocol `service` is served in (JSON where a model offers both)."""
    return CBOR if service in cbor_services() else JSON


@cache
def services_by_target_prefix() -> dict[str, str]:
    """`AWSPartnerCentralSelling` -> `partnercentral-selling`, for every JSON service."""
    return _by_prefix(json_services())


@cache
def cbor_services_by_target_prefix() -> dict[str, str]:
    """`AWSPartnerDemandGenerator` -> `partnercentral-marketing`, for every CBOR service."""
    return _by_prefix(cbor_services())


def _by_prefix(names: tuple[str, ...]) -> dict[str, str]:
    return {loader.service_model(name).metadata["targetPrefix"]: name for name in names}


@cache
def signing_names(services: tuple[str, ...] | None = None) -> frozenset[str]:
    """The signing names of `services` (the JSON ones unless named)."""
    names = json_services() if services is None else services
    return frozenset(loader.service_model(name).signing_name for name in names)
