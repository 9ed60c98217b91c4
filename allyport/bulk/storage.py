"""Job files in the database, written and read one part at a time (see models)."""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from allyport.bulk.models import PART_SIZE, BulkFilePart, BulkJob

Role = BulkFilePart.Role


class PartWriter:
    """Appends bytes to one of a job's files; a part is stored each PART_SIZE bytes
    and on `flush()` (so a batch's error lines commit with the batch)."""

    def __init__(self, job: BulkJob, role: str) -> None:
        self.job, self.role = job, role
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
        BulkFilePart.objects.create(job=self.job, role=self.role, number=self.number, data=data)
        self.number += 1


class TextWriter:
    """UTF-8 text on a PartWriter, for `csv.writer`."""

    def __init__(self, parts: PartWriter) -> None:
        self.parts = parts

    def write(self, text: str) -> int:
        self.parts.write(text.encode())
        return len(text)


def iter_parts(job: BulkJob, role: str) -> Iterator[bytes]:
    """The file's bytes, one part per query (never the whole file at once)."""
    number = -1
    while True:
        found = (
            BulkFilePart.objects.filter(job=job, role=role, number__gt=number)
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


def store_file(job: BulkJob, role: str, source: IO[bytes]) -> int:
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
