"""The models' `pattern` regexes, compiled with Python's `re` once each.

The patterns are written for Java/ECMAScript engines. Two differences matter:
`\\w`, `\\d` and `\\s` are ASCII there (so `re.ASCII` here), and `\\p{L}`-style
Unicode properties, which `re` lacks: they are translated to explicit ranges
built from `unicodedata`. A pattern that still does not compile is not checked,
with a warning in the log.
"""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
import warnings
from functools import cache

logger = logging.getLogger(__name__)
_PROPERTY = re.compile(r"\\p\{([A-Z][a-z]?)\}")


@cache
def compiled(pattern: str) -> re.Pattern[str] | None:
    """The compiled pattern (match it with `fullmatch`), or None when it cannot be."""
    source = _translate(pattern) if _PROPERTY.search(pattern) else pattern
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set" hints
            return re.compile(source, re.ASCII)
    except re.error as error:
        logger.warning(
            "shapes: the model pattern %r does not compile (%s); not checked", pattern, error
        )
        return None


def _translate(pattern: str) -> str:
    """Replace each `\\p{X}`: inside a character class by its ranges, outside by a class."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        match = _PROPERTY.match(pattern, i)
        if match is not None:
            ranges = _category_ranges(match.group(1))
            out.append(ranges if in_class else f"[{ranges}]")
            i = match.end()
            continue
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


@cache
def _category_ranges(category: str) -> str:
    """Code points of a Unicode general category (`L`, `Lu`, `Z`...) as class ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)).startswith(category):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        f"\\U{start:08x}" if start == end else f"\\U{start:08x}-\\U{end:08x}"
        for start, end in ranges
    )
