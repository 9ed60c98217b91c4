"""Page sizes of list operations: one MaxResults rule for every list the portal and
the APIs serve."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.core.errors import REQUEST, refuse

DEFAULT_PAGE = 20
MAX_PAGE = 100


def page_size(value: Any, maximum: int = MAX_PAGE) -> int:
    """MaxResults of a list operation: the default page when absent, else 1 to `maximum`
    (the operation's documented limit)."""
    size = DEFAULT_PAGE if value is None else value
    if not isinstance(size, int) or not 1 <= size <= maximum:
        raise refuse(
            "MaxResults", _("MaxResults is 1 to %(max)s.") % {"max": maximum}, reason=REQUEST
        )
    return size
