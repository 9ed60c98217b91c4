#!/usr/bin/env bash
# Refresh the translation catalogues from the code (the one command; CI checks it leaves
# no diff): makemessages for the ten languages (needs GNU gettext's xgettext), the
# English catalogue filled with the source strings, and every .po compiled into the .mo
# Django reads (pure Python, committed). `scripts/messages.sh -l ja` refreshes one
# language; `--compile-only` compiles after a translator's edit.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if ! command -v xgettext >/dev/null 2>&1; then
  echo "xgettext is missing: install GNU gettext (Debian: apt-get install gettext)" >&2
  exit 1
fi
"$PY" manage.py catalogues "$@"
