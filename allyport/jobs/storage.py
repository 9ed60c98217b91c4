"""Job files in the database, written and read one part at a time (see models).

A file belongs to a job (its upload, result, error report) or is an uploaded file
for the API (`BulkFile`, role upload); the functions take either owner."""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from allyport.jobs.models import PART_SIZE, BulkFile, BulkFilePart, BulkJob

Role = BulkFilePart.Role
Owner = BulkJob | BulkFile


def _of(owner: Owner) -> dict[str, Any]:
    return {"file": owner} if isinstance(owner, BulkFile) else {"job": owner}


class PartWriter:
    """Appends bytes to one of a job's files; a part is stored each PART_SIZE bytes
    and on `flush()` (so a batch's error lines commit with the batch)."""

    def __init__(self, owner: Owner, role: str) -> None:
        self.owner, self.role = _of(owner), role
        self.buffer = bytearray()
        self.number = 0
        self.size = 0

    def write(self, data: bytes) -> None:
        self.buffer += data
        self.size += len(data)
        while len(self.buffer) >= PART_SIZE:
            self._store(bytes(self.buffer[:PART_SIZE]))
            del self.buffer[:PART_SIZE]

    def flush(self) -> None:
        if self.buffer:
            self._store(bytes(self.buffer))
            self.buffer.clear()

    def _store(self, data: bytes) -> None:
        BulkFilePart.objects.create(**self.owner, role=self.role, number=self.number, data=data)
        self.number += 1


class TextWriter:
    """UTF-8 text on a PartWriter, for `csv.writer`."""

    def __init__(self, parts: PartWriter) -> None:
        self.parts = parts

    def write(self, text: str) -> int:
        self.parts.write(text.encode())
        return len(text)


def iter_parts(job: Owner, role: str) -> Iterator[bytes]:
    """The file's bytes, one part per query (never the whole file at once)."""
    number = -1
    while True:
        found = (
            BulkFilePart.objects.filter(**_of(job), role=role, number__gt=number)
            .order_by("number")
            .values_list("number", "data")[:1]
        )
        row = next(iter(found), None)
        if row is None:
            return
        number = row[0]
        yield bytes(row[1])


class PartReader(io.RawIOBase):
    """A job's file as a readable binary stream."""

    def __init__(self, parts: Iterable[bytes]) -> None:
        self.parts = iter(parts)
        self.current = b""
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self.offset >= len(self.current):
            part = next(self.parts, None)
            if part is None:
                return 0
            self.current, self.offset = part, 0
        size = min(len(buffer), len(self.current) - self.offset)
        buffer[:size] = self.current[self.offset : self.offset + size]
        self.offset += size
        return size


def open_text(job: BulkJob, role: str) -> IO[str]:
    """The file as UTF-8 text for the csv module (a BOM, as Excel writes, is skipped)."""
    raw = io.BufferedReader(PartReader(iter_parts(job, role)), buffer_size=64 * 1024)
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def spooled(job: BulkJob, role: str) -> IO[bytes]:
    """The file copied to a temporary file of this process (XLSX is a zip archive:
    its reader needs to seek). The caller closes it; closing deletes it."""
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - returned open
    for part in iter_parts(job, role):
        target.write(part)
    target.seek(0)
    return target


def open_bytes(owner: Owner, role: str) -> IO[bytes]:
    """The file as a buffered binary stream, a part in memory at a time."""
    return io.BufferedReader(PartReader(iter_parts(owner, role)), buffer_size=64 * 1024)


def store_file(job: Owner, role: str, source: IO[bytes]) -> int:
    """Copy a file into the job's parts; its size."""
    writer = PartWriter(job, role)
    shutil.copyfileobj(source, _Sink(writer), PART_SIZE)
    writer.flush()
    return writer.size


def store_chunks(job: BulkJob, role: str, chunks: Iterable[bytes]) -> int:
    writer = PartWriter(job, role)
    for chunk in chunks:
        writer.write(chunk)
    writer.flush()
    return writer.size


class _Sink:
    def __init__(self, writer: PartWriter) -> None:
        self.writer = writer

    def write(self, data: bytes) -> int:
        self.writer.write(data)
        return len(data)
