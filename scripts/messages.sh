#!/usr/bin/env bash
# Refresh the translation catalogues from the code (the one command; CI checks it leaves no diff).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" manage.py makemessages --no-location --no-obsolete \
  -l en -l de -l es -l fr -l it -l ja -l ko -l pt_BR -l zh_Hans -l zh_Hant \
  -i ".venv/*" -i "var/*" -i "e2e/*" -i "bench/*" -i "staticfiles/*" -i "build/*" -i "node_modules/*" >/dev/null
