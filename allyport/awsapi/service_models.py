"""The services this endpoint answers: the AWS JSON ones among the installed models.

Only AWS JSON services are served here (protocol `json`): the Partner Central
models whose metadata names a `targetPrefix`. The models themselves are loaded by
`allyport.shapes.loader`, which knows every protocol.
"""

from __future__ import annotations

from functools import cache

from botocore.model import ServiceModel

from allyport.shapes import loader


@cache
def json_services() -> tuple[str, ...]:
    """The boto3 names of the installed `partnercentral-*` AWS JSON services, sorted."""
    return tuple(name for name in loader.services() if _is_json(loader.service_model(name)))


def _is_json(model: ServiceModel) -> bool:
    protocols = model.metadata.get("protocols") or [model.metadata.get("protocol")]
    return "json" in protocols and bool(model.metadata.get("targetPrefix"))


@cache
def services_by_target_prefix() -> dict[str, str]:
    """`AWSPartnerCentralSelling` -> `partnercentral-selling`, for every JSON service."""
    return {loader.service_model(name).metadata["targetPrefix"]: name for name in json_services()}


@cache
def signing_names() -> frozenset[str]:
    return frozenset(loader.service_model(name).signing_name for name in json_services())
