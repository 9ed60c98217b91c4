"""Phases driven by wrk (Debian package `wrk`), a load generator written in C.

The project's Python client could not drive `/ping` as fast as the server answers
it (bench/client_check.py: wrk got 1.6-2.3x more out of it), so with it the
baseline was partly the client's and every ratio read low. bench/load.py uses wrk
when it is installed (BENCH_CLIENT=python forces the old client). A Lua `done` hook
prints wrk's summary and its latency distribution as 199 quantiles (0.5% to 99.5%),
which the rounds pool with equal weight to give p50 and p95.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import urllib.parse

SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "2"))  # one phase (wrk takes whole seconds)
SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  local q = {}
  for i = 1, 199 do q[i] = latency:percentile(i / 2) end
  io.write("WRKJSON " .. string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"status":%d,"socket":%d,"quantiles_us":[%s]}',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect + e.read + e.write + e.timeout, table.concat(q, ",")) .. "\\n")
end
"""


def available() -> str | None:
    if os.environ.get("BENCH_CLIENT", "wrk") == "python":
        return None
    return shutil.which("wrk")


def run(wrk: str, base: str, path: str, cookie_header: str, seconds: float, threads: int) -> dict:
    """One wrk phase: requests, seconds, errors, bytes per response and latency
    quantiles in seconds."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(SCRIPT)
    try:
        headers = ["-H", "User-Agent: allyport-bench"]
        if cookie_header:
            headers += ["-H", f"Cookie: {cookie_header}"]
        url = urllib.parse.urljoin(base, path)
        done = subprocess.run(
            [wrk, "-t", str(threads), "-c", str(threads), "-d", f"{max(1, round(seconds))}s", "-s",
             script.name, *headers, url],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    finally:
        os.unlink(script.name)
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRKJSON "))
    found = json.loads(line.removeprefix("WRKJSON "))
    requests = found["requests"]
    return {
        "requests": requests,
        "seconds": found["duration_us"] / 1e6,
        "errors": found["status"] + found["socket"],
        "size": found["bytes"] // requests if requests else 0,
        "quantiles": [q / 1e6 for q in found["quantiles_us"]],
    }
