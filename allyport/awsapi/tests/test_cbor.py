"""The CBOR codec of the Smithy RPC v2 CBOR protocol: a request's CBOR into the JSON
form the pipeline works in, an answer's JSON form into CBOR by its shape."""

from __future__ import annotations

from datetime import UTC, datetime

import cbor2
import pytest
from botocore.model import DenormalizedStructureBuilder

from allyport.awsapi import cbor

SHAPE = (
    DenormalizedStructureBuilder()
    .with_members(
        {
            "Data": {"type": "blob"},
            "At": {"type": "timestamp"},
            "Times": {"type": "list", "member": {"type": "timestamp"}},
            "ByName": {"type": "map", "key": {"type": "string"}, "value": {"type": "blob"}},
            "Count": {"type": "long"},
            "Ratio": {"type": "double"},
        }
    )
    .build_model()
)


def test_a_request_becomes_the_json_form() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    raw = cbor2.dumps(
        {
            "At": moment,
            "Data": b"\x00\x01hi",
            "Count": 2**40,
            "Ratio": 0.5,
            "Nested": [{"x": None}],
        },
        datetime_as_timestamp=True,
    )
    assert raw[raw.index(b"At") + 2] == 0xC1  # tag 1, as botocore sends it
    assert cbor.decode(raw) == {
        "At": "2026-01-02T03:04:05.678Z",
        "Data": "AAFoaQ==",
        "Count": 2**40,
        "Ratio": 0.5,
        "Nested": [{"x": None}],
    }


def test_an_empty_body_is_an_empty_map() -> None:
    assert cbor.decode(b"") == {}


@pytest.mark.parametrize(
    "raw",
    [b"\xa1", b"\x1f", cbor2.dumps("text"), cbor2.dumps({b"k": 1}),
     cbor2.dumps({"k": cbor2.CBORTag(4, [-1, 15])}), cbor2.dumps({"k": cbor2.undefined})],
)  # fmt: skip
def test_what_json_has_no_word_for_is_undecodable(raw: bytes) -> None:
    with pytest.raises(cbor.Undecodable):
        cbor.decode(raw)


def test_an_answer_is_encoded_by_its_shape() -> None:
    body = {
        "Data": "AAFoaQ==",
        "At": "2026-01-02T03:04:05.000Z",
        "Times": ["2026-01-02T03:04:05.250Z"],
        "ByName": {"a": "aGk="},
        "Count": 3,
        "Ratio": 1.5,
    }
    raw = cbor.encode_output(SHAPE, body)
    # Whole seconds as an integer epoch under tag 1: c1 1a <4 bytes>.
    at = int(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC).timestamp())
    assert b"\xc1\x1a" + at.to_bytes(4, "big") in raw
    assert cbor2.loads(raw) == {
        "Data": b"\x00\x01hi",
        "At": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "Times": [datetime(2026, 1, 2, 3, 4, 5, 250000, tzinfo=UTC)],
        "ByName": {"a": b"hi"},
        "Count": 3,
        "Ratio": 1.5,
    }
