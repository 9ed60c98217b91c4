"""The endpoint serves the AWS JSON services among the loaded models and leaves the
others (Smithy RPC v2 CBOR: marketing, revenue-measurement) to the loader alone."""

from __future__ import annotations

from allyport.awsapi import service_models
from allyport.shapes import loader


def test_the_endpoint_serves_only_the_json_models() -> None:
    names = loader.services()
    served = service_models.json_services()
    assert "partnercentral-selling" in served
    assert set(served) <= set(names)
    for name in served:
        assert "json" in (loader.service_model(name).metadata.get("protocols") or ["json"])
    for name in set(names) - set(served):
        metadata = loader.service_model(name).metadata
        assert "json" not in (metadata.get("protocols") or []) or not metadata.get("targetPrefix")
    assert service_models.services_by_target_prefix()["AWSPartnerCentralSelling"] == (
        "partnercentral-selling"
    )
