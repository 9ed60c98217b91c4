"""Downloaded spreadsheets (CSV): cells safe against formula injection, streamed
in chunks, marked as UTF-8 for Excel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: formula-like values get a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Parts of a streamed download are joined up to about this many characters before
# they are sent, so a large file is not hundreds of thousands of tiny socket writes.
SEND_SIZE = 64 * 1024


# Excel opens a CSV as the system's legacy code page unless it starts with a UTF-8
# byte order mark: with it, Japanese, Chinese, Korean and accented names read right.
# Our own CSV readers skip it (utf-8-sig).
BOM = "\ufeff"


def with_bom(parts: Iterable[str]) -> Iterator[str]:
    """A CSV download's parts, after the byte order mark."""
    yield BOM
    yield from parts


def buffered(parts: Iterable[str]) -> Iterator[bytes]:
    """The parts of a streamed download, joined into chunks of about SEND_SIZE."""
    buffer: list[str] = []
    size = 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size >= SEND_SIZE:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()
