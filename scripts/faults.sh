#!/usr/bin/env bash
# The fault suite (bench/faults): Allyport on its own throwaway PostgreSQL cluster and
# Redis (free ports, a temporary folder), two app servers and two task workers on
# 127.0.0.1, while a worker is killed mid import, PostgreSQL restarts under load,
# Redis stops and the mail server is down. Prints PASS/FAIL per property and exits 1
# on a FAIL; stops and removes everything at the end (Ctrl-C included).
# Tunables: FAULTS_BUDGET=small|full (default full; CI runs small, about two minutes),
# extra arguments go to `python -m bench.faults` (--only bulk database redis smtp, --keep).
# Needs PostgreSQL's server binaries (initdb, pg_ctl) and redis-server; as root the
# cluster runs as the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-.venv/bin/python}" -m bench.faults "$@"
