"""Public ids of content records: a short prefix and 12 random characters (URLs never
show database keys). Plain module functions, as migrations name field defaults."""

from __future__ import annotations

from allyport.core import ids


def _make(prefix: str) -> str:
    return f"{prefix}-{ids.alnum(12)}"


def news_id() -> str:
    return _make("news")


def event_id() -> str:
    return _make("evt")


def resource_id() -> str:
    return _make("res")


def track_id() -> str:
    return _make("trk")


def file_id() -> str:
    return _make("file")


def case_study_id() -> str:
    return _make("cs")


def device_id() -> str:
    return _make("dev")


def workload_id() -> str:
    return _make("wa")


def sponsorship_id() -> str:
    return _make("spo")


def sponsorship_request_id() -> str:
    return _make("spr")


def reference_id() -> str:
    return _make("ref")


def asset_id() -> str:
    return _make("kit")


def job_id() -> str:
    return _make("job")


def walkthrough_id() -> str:
    return _make("tour")
