"""Each domain's searchable kinds, one module per domain."""

from __future__ import annotations


def register_all() -> None:
    from allyport.search.sources import contributed, customers, pipeline

    pipeline.register()
    customers.register()
    contributed.register()
