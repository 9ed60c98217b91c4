"""Each domain's searchable kinds, one module per domain."""

from __future__ import annotations


def register_all() -> None:
    from allyport.search.sources import content, contributed, customers, pipeline, support

    pipeline.register()
    customers.register()
    support.register()
    content.register()
    contributed.register()
