"""The endpoint serves the AWS JSON services and the Smithy RPC v2 CBOR ones
(marketing, revenue-measurement) among the loaded models, each in its protocol."""

from __future__ import annotations

from allyport.awsapi import service_models
from allyport.shapes import loader


def test_the_endpoint_serves_the_json_models_over_json() -> None:
    names = loader.services()
    served = service_models.json_services()
    assert "partnercentral-selling" in served
    assert set(served) <= set(names)
    for name in served:
        assert "json" in (loader.service_model(name).metadata.get("protocols") or ["json"])
        assert service_models.protocol(name) == "json"
    assert service_models.services_by_target_prefix()["AWSPartnerCentralSelling"] == (
        "partnercentral-selling"
    )


def test_the_endpoint_serves_the_cbor_models_over_rpc_v2_cbor() -> None:
    served = service_models.cbor_services()
    assert "partnercentral-marketing" in served
    assert not set(served) & set(service_models.json_services())
    for name in served:
        protocols = loader.service_model(name).metadata.get("protocols") or []
        assert "smithy-rpc-v2-cbor" in protocols
        assert service_models.protocol(name) == "smithy-rpc-v2-cbor"
    assert service_models.cbor_services_by_target_prefix()["AWSPartnerDemandGenerator"] == (
        "partnercentral-marketing"
    )
    assert set(service_models.served_services()) == set(loader.services())
