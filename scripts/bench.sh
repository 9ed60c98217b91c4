#!/usr/bin/env bash
# Benchmarks: pages against the minimal view (/ping) in one gunicorn server,
# on SQLite and then on PostgreSQL. Prints figures and ratios, and GOAL MISSED
# for a missed goal (still exit 0). Record results in docs/benchmarks.md.
# Tunables: BENCH_ROUNDS, BENCH_REQUESTS, BENCH_SECONDS, BENCH_CONCURRENCY,
# BENCH_WARMUP, BENCH_USERS, BENCH_EVENTS (audit events for Event history, default
# 1000000; 0 skips its scenarios), BENCH_WORKERS, BENCH_PG_URL (empty: skip
# PostgreSQL), BENCH_REDIS_URL (empty: no Redis; sessions and cache then stay per
# process), BENCH_OUT (results folder, default var/bench), BENCH_CACHE_PREFIX (Redis
# key prefix, default allyport-bench; give concurrent runs different ones).
# API section (PostgreSQL only; bench/api_seed.py, bench/api_load.py): BENCH_OPPORTUNITIES
# (default 1000000; 0 skips it) in allyport_api_bench and BENCH_API_SMALL (10000) in
# allyport_api10k_bench on the server of BENCH_PG_URL (names after its database's:
# allyport_bp_bench gives allyport_bp_api_bench), BENCH_API_SUSTAINED_SECONDS,
# BENCH_API_SUSTAINED_CONCURRENCY. BENCH_ONLY=api runs only the API section;
# BENCH_ONLY=pages only the page scenarios served by gunicorn (SQLite, PostgreSQL);
# BENCH_WAVE_TWO=0 leaves out the wave-two pages (bench/seed_wave_two.py). After the
# pages, bench/client_check.py drives /ping with this client and with wrk (Debian
# package `wrk`; without it that half is skipped, the bench still runs).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT="${BENCH_OUT:-var/bench}"
WORKERS="${BENCH_WORKERS:-2}"
PG_URL="${BENCH_PG_URL-postgres://root@127.0.0.1:5432/allyport_bench}"
OPPORTUNITIES="${BENCH_OPPORTUNITIES:-1000000}"
API_SMALL="${BENCH_API_SMALL:-10000}"
ONLY="${BENCH_ONLY:-}"

export ALLYPORT_ENV=development DEBUG=false ALLYPORT_CAPTCHA=off LOG_LEVEL=WARNING
export ALLYPORT_TASK_BACKEND=django_tasks.backends.immediate.ImmediateBackend
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
export ALLYPORT_VAR_DIR="$OUT"
unset REDIS_URL DATABASE_URL
mkdir -p "$OUT"

# Several server processes share sessions and rate-limit counters through Redis,
# as docs/deploy.md requires; the bench runs two, so it runs them that way.
REDIS="${BENCH_REDIS_URL-redis://127.0.0.1:6379/0}"
PREFIX="${BENCH_CACHE_PREFIX:-allyport-bench}"
redis_keys() {  # drop this script's keys only
  $PY -c "import redis, sys; r = redis.Redis.from_url(sys.argv[1]); [r.delete(k) for k in r.scan_iter(sys.argv[2] + '*')]" "$REDIS" "$PREFIX"
}
if [ -n "$REDIS" ] && $PY -c "import redis, sys; redis.Redis.from_url(sys.argv[1]).ping()" "$REDIS" 2>/dev/null; then
  export REDIS_URL="$REDIS" CACHE_KEY_PREFIX="$PREFIX"
  redis_keys
else
  echo "!! Redis is not reachable at '$REDIS': sessions are read from the database, cache per process"
  REDIS=""
fi
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT"/client-*.txt "$OUT"/bench.sqlite3*

# The load client check (bench/client_check.py) drives /ping with Debian's wrk too:
# installed here when missing and run as root; without it that half is skipped.
if [ "$ONLY" != "api" ] && ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's wrk for the load client check..."
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }) >/dev/null 2>&1 || true
  fi
  command -v wrk >/dev/null 2>&1 || echo "!! wrk is missing: the load client check runs without it"
fi

server=""
pg_created=""
api_servers=()
api_created=()
stop_server() {
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
stop_api() {  # the API servers, then their databases
  local pid url
  for pid in "${api_servers[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  api_servers=()
  for url in "${api_created[@]}"; do $PY -m bench.pgdb drop "$url" || true; done
  api_created=()
}
cleanup() {
  stop_server
  stop_api
  if [ -n "$REDIS" ]; then redis_keys || true; fi
  if [ -n "$pg_created" ]; then $PY -m bench.pgdb drop "$PG_URL" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  $PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_ready() {  # at most 30 s
  for _ in $(seq 150); do
    if $PY -c "import urllib.request as u; u.urlopen('$1/ping', timeout=2)" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$server" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "gunicorn did not start: see $OUT/gunicorn-$2.log" >&2
  return 1
}

run_database() {  # label tag database-url
  local label=$1 tag=$2 port
  export DATABASE_URL=$3
  echo "== $label: migrate and seed"
  $PY manage.py migrate --noinput -v0
  $PY -m bench.seed "$OUT/seed-$tag.json"
  port=$(free_port)
  .venv/bin/gunicorn allyport.wsgi -w "$WORKERS" -b "127.0.0.1:$port" --timeout 120 \
    --graceful-timeout 5 --error-logfile "$OUT/gunicorn-$tag.log" &
  server=$!
  wait_ready "http://127.0.0.1:$port" "$tag"
  echo "== $label: measuring (gunicorn -w $WORKERS on port $port)"
  $PY -m bench.load --base "http://127.0.0.1:$port" --seed "$OUT/seed-$tag.json" \
    --label "$label" --out "$OUT/result-$tag.json"
  # Is the client the limit? /ping by this client and by wrk (skipped without wrk).
  $PY -m bench.client_check --base "http://127.0.0.1:$port" --seed "$OUT/seed-$tag.json" \
    --result "$OUT/result-$tag.json" --label "$label" --out "$OUT/client-$tag.json" \
    | tee "$OUT/client-$tag.txt"
  stop_server
  unset DATABASE_URL
}

api_database() {  # tag database-url opportunities: seed it, serve it; appends to api_targets
  local tag=$1 url=$2 count=$3 port
  echo "== API, $count opportunities: migrate and seed ($url)"
  DATABASE_URL=$url $PY manage.py migrate --noinput -v0
  DATABASE_URL=$url BENCH_OPPORTUNITIES=$count $PY -m bench.api_seed "$OUT/seed-$tag.json"
  port=$(free_port)
  env DATABASE_URL="$url" ALLYPORT_API_THROTTLING=off CACHE_KEY_PREFIX="$PREFIX-$tag" \
    .venv/bin/gunicorn allyport.wsgi -w "$WORKERS" -b "127.0.0.1:$port" --timeout 120 \
    --graceful-timeout 5 --error-logfile "$OUT/gunicorn-$tag.log" &
  server=$!
  wait_ready "http://127.0.0.1:$port" "$tag"
  api_servers+=("$server")
  server=""
  api_targets+=(--target "$count opportunities" "http://127.0.0.1:$port" "$OUT/seed-$tag.json")
}

run_api() {  # Selling API: operations against /api/aws/_ping, large and small database
  local base=${PG_URL%/*} url status sizes=("api:$OPPORTUNITIES") size
  # Named after BENCH_PG_URL's database (allyport_bench: allyport_api_bench), so that
  # runs with different BENCH_PG_URLs do not drop each other's databases.
  local stem=${PG_URL##*/}
  stem=${stem%bench}
  if [ "$API_SMALL" -gt 0 ] && [ "$API_SMALL" -lt "$OPPORTUNITIES" ]; then
    sizes+=("api10k:$API_SMALL")
  fi
  api_targets=()
  for size in "${sizes[@]}"; do
    url="$base/${stem}${size%%:*}_bench"
    status=0
    $PY -m bench.pgdb create "$url" || status=$?
    if [ $status -eq 2 ]; then
      echo "!! PostgreSQL is not reachable: the API benchmark was SKIPPED"
      return 0
    elif [ $status -ne 0 ]; then
      exit $status
    fi
    api_created+=("$url")
    api_database "${size%%:*}" "$url" "${size#*:}"
  done
  echo "== API: measuring (gunicorn -w $WORKERS per database)"
  $PY -m bench.api_load run "${api_targets[@]}" --out "$OUT/result-api.json"
  stop_api
}

if [ "$ONLY" != "api" ]; then
if [ "$ONLY" != "pages" ]; then
echo "== IAM policy evaluator (one core, no server)"
$PY -m bench.evaluator --json "$OUT/evaluator.json" | tee "$OUT/evaluator.txt"
echo "== Partner Scorecard, 5,000 people and 50,000 certification records (SQLite)"
$PY -m bench.scorecard | tee "$OUT/scorecard.txt"
$PY -m bench.support_cases | tee "$OUT/support_cases.txt"  # Partner Support page, 20,000 cases
echo "== Connections page and Account API reads (one process, no server)"; $PY -m bench.connections | tee "$OUT/connections.txt"
echo "== Tasks page, 500 offerings and 20,000 tasks (bench/worklist.py, SQLite)"; $PY -m bench.worklist | tee "$OUT/worklist.txt"
echo "== AWS Partner Assistant answers, evaluation set without a generator (bench/assistant.py, SQLite)"
DATABASE_URL="sqlite:///$OUT/assistant.sqlite3" $PY -m bench.assistant --json "$OUT/assistant.json" | tee "$OUT/assistant.txt"
fi  # pages only

run_database SQLite sqlite "sqlite:///$OUT/bench.sqlite3"
if [ "$ONLY" != "pages" ]; then echo "== Leads list and ListChannelHandshakes (in process, own SQLite)"; $PY -m bench.channel | tee "$OUT/channel.txt"; fi

if [ -n "$PG_URL" ]; then
  pg_status=0
  $PY -m bench.pgdb create "$PG_URL" || pg_status=$?
  if [ $pg_status -eq 0 ]; then
    pg_created=1
    run_database PostgreSQL postgres "$PG_URL"
    $PY -m bench.pgdb drop "$PG_URL"
    pg_created=""
  elif [ $pg_status -eq 2 ]; then
    echo "!! PostgreSQL is not reachable: its benchmarks were SKIPPED"
  else
    exit $pg_status
  fi
else
  echo "!! BENCH_PG_URL is empty: the PostgreSQL benchmarks were SKIPPED"
fi
fi  # BENCH_ONLY

if [ "$ONLY" = "pages" ]; then
  echo "!! BENCH_ONLY=pages: the API benchmark was SKIPPED"
elif [ -z "$PG_URL" ]; then
  echo "!! BENCH_PG_URL is empty: the API benchmark (PostgreSQL only) was SKIPPED"
elif [ "$OPPORTUNITIES" -gt 0 ]; then
  run_api
else
  echo "!! BENCH_OPPORTUNITIES=0: the API benchmark was SKIPPED"
fi
if [ -z "$ONLY" ]; then $PY -m bench.content_home | tee "$OUT/content-home.txt"; fi  # home feeds (SQLite)

if [ -z "$ONLY" ]; then echo "== Funding (bench/funding.py)"; BENCH_OUT="$OUT/funding" BENCH_PG_URL="$PG_URL" $PY -m bench.funding | tee "$OUT/funding.txt"; fi

if [ -z "$ONLY" ]; then BENCH_FINDER_DB="" DATABASE_URL="" $PY -m bench.finder "$OUT/result-finder.json"; fi  # Partner Solutions Finder (own SQLite file)

echo
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null | head -1)" ]; then commit="$commit + uncommitted changes"; fi
{
  echo "== Summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $commit, ${SECONDS}s)"
  results=()
  for tag in sqlite postgres; do
    if [ -f "$OUT/result-$tag.json" ]; then results+=("$OUT/result-$tag.json"); fi
  done
  if [ ${#results[@]} -gt 0 ]; then
    $PY -m bench.report "${results[@]}"
    cat "$OUT"/client-*.txt 2>/dev/null || true
    echo
  fi
  if [ -f "$OUT/evaluator.txt" ]; then cat "$OUT/evaluator.txt"; fi
  if [ -f "$OUT/result-api.json" ]; then
    echo
    $PY -m bench.api_load report "$OUT/result-api.json"
  fi
} | tee "$OUT/summary.txt"
