"""Create or drop the PostgreSQL bench database: `python -m bench.pgdb create|drop URL`.

Exits 2 when the server cannot be reached, so the caller can skip PostgreSQL.
"""

from __future__ import annotations

import sys
import urllib.parse

import psycopg
from psycopg import sql


def main(action: str, url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("bench"):
        sys.exit(f"refusing to {action} {name!r}: the bench database name must end in 'bench'")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        conn = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL is not reachable at {admin_url}: {exc}", file=sys.stderr)
        sys.exit(2)
    with conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if action == "create":
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
