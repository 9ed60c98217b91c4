#!/usr/bin/env bash
# Development server and one task worker on the embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
export ALLYPORT_ENV="${ALLYPORT_ENV:-development}"
PY=.venv/bin/python
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo
# Event history retention: prunes now and queues the daily run (once).
$PY manage.py prune_events
# Expired invitations, stalled deliveries and jobs: sweeps now and every 10 minutes.
$PY manage.py sweep
cat <<MSG

  Allyport is at http://127.0.0.1:8000
  Emailed codes and invitations: http://127.0.0.1:8000/dev/mailbox/ (and this console)
  Staff admin: http://127.0.0.1:8000/staff/admin/ (create one: .venv/bin/python manage.py createsuperuser)
  Ctrl-C stops the server and the worker.

MSG
$PY manage.py worker --interval 0.5 &
worker=$!
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT INT TERM
$PY manage.py runserver 127.0.0.1:8000
