#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when DATABASE_URL names one.
# Browser tests need Debian's chromium: installed here when missing and run as root.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export ALLYPORT_ENV=test ALLYPORT_CAPTCHA=off
export ALLYPORT_TASK_BACKEND=django_tasks.backends.immediate.ImmediateBackend
pg_url="${DATABASE_URL:-}"
unset DATABASE_URL

# flite speaks the registration CAPTCHA's audio alternative; its test needs it.
if ! command -v flite >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's flite for the CAPTCHA audio tests..."
  (apt-get install -y -qq flite sox >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq flite sox; }) >/dev/null 2>&1
fi

# xgettext: the test that makemessages leaves no diff in the catalogues runs it.
if ! command -v xgettext >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's gettext for the catalogue tests..."
  (apt-get install -y -qq gettext >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq gettext; }) >/dev/null 2>&1
fi

browser=""
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }) >/dev/null 2>&1
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "chromium is missing: CI cannot skip browser tests"; exit 1; fi
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!  chromium is not installed: BROWSER TESTS ARE SKIPPED.          !!"
  echo "!!  Install it with: sudo apt-get install chromium                 !!"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  browser=" and not browser"
fi

# The accessibility browser test loads axe-core from node_modules (package-lock.json).
if [ -z "$browser" ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's npm for axe-core..."
    (apt-get install -y -qq npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq npm; }) >/dev/null 2>&1
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
fi

# PostgreSQL-only tests (concurrency) are deselected on SQLite, not skipped: the
# PostgreSQL run below runs them. The browser tests drive the pages, whose database
# is a detail: they run once, on PostgreSQL when there is one (the production
# database), else on SQLite.
sqlite_browser="$browser"
if [ -n "$pg_url" ]; then sqlite_browser=" and not browser"; fi
echo "== Test suite on SQLite"
$PY -m pytest -q -m "not postgres${sqlite_browser}" "$@"
status=$?

if [ -n "$pg_url" ]; then
  echo "== Test suite on PostgreSQL ($pg_url)"
  if [ -n "$browser" ]; then
    DATABASE_URL="$pg_url" $PY -m pytest -q -m "not browser" "$@"
  else
    DATABASE_URL="$pg_url" $PY -m pytest -q "$@"
  fi
  pg_status=$?
  [ $status -eq 0 ] && status=$pg_status
else
  echo "(DATABASE_URL is not set: the PostgreSQL run and its concurrency tests were skipped)"
fi
exit $status
