#!/usr/bin/env bash
# HTTP load (issue 9): the app against the bare endpoint host (bench/KunshanInvest.Bench `bare`) in the same run, on
# the same 100k-project synthetic database, for POST lead, GET project list page 1 and GET funnel; then the app's cold
# start to /health/live (migrations already applied; median of several) and its resident memory after the load.
# Prints a markdown table (machine facts included) that docs/performance.md takes verbatim.
#
#   scripts/load.sh [sqlite|postgres]
#
# Environment: KI_LOAD_DURATION (20s), KI_LOAD_WARMUP (5s), KI_LOAD_CONNECTIONS (32), KI_LOAD_THREADS (2),
# KI_LOAD_COLD_RUNS (5), KI_LOAD_SQLITE_CACHE (artifacts/bench/synthetic-100000-seed42.db, written by the benchmarks;
# copied, never changed), KI_BENCH_PG (postgres: a database holding — or to receive — the synthetic data; otherwise a
# throwaway PostgreSQL 15 with default durability is started on a free loopback port and generated into, ≈ 40 s).
# Needs wrk (apt-get install -y wrk), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

provider=${1:-sqlite}
case "$provider" in
  sqlite|postgres) ;;
  *) echo "usage: $0 [sqlite|postgres]" >&2; exit 2 ;;
esac
duration=${KI_LOAD_DURATION:-20s}
warmup=${KI_LOAD_WARMUP:-5s}
connections=${KI_LOAD_CONNECTIONS:-32}
threads=${KI_LOAD_THREADS:-2}
cold_runs=${KI_LOAD_COLD_RUNS:-5}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

# Machine facts, taken before anything of ours runs.
cores=$(nproc)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started_at=$(date -u '+%Y-%m-%d %H:%M UTC')

# Both hosts as a deployment runs them: published in Release, ReadyToRun (precompiled, so a start JITs little).
echo "publishing (Release, ReadyToRun)…" >&2
publish=$root/artifacts/load/publish
rid=linux-$(dotnet --info | sed -n 's/^ *RID: *linux-//p' | head -1)
for project in src/KunshanInvest.Api/KunshanInvest.Api.csproj bench/KunshanInvest.Bench/KunshanInvest.Bench.csproj; do
  dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$publish/$(basename "$project" .csproj)" -v q -nologo >/dev/null
done
app_dll=$publish/KunshanInvest.Api/KunshanInvest.Api.dll
bare_dll=$publish/KunshanInvest.Bench/KunshanInvest.Bench.dll

work=$(mktemp -d /tmp/ki-load-XXXXXX)
pids=()
pg_stop=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ ${#pg_stop[@]} -gt 0 ]; then "${pg_stop[@]}" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ "$provider" = sqlite ]; then
  db_provider=Sqlite
  cache=${KI_LOAD_SQLITE_CACHE:-$root/artifacts/bench/synthetic-100000-seed42.db}
  [ -f "$cache" ] || { echo "no $cache: run the benchmarks once (they generate it) or set KI_LOAD_SQLITE_CACHE" >&2; exit 2; }
  echo "copying $cache …" >&2
  cp "$cache" "$work/load.db"
  for suffix in -wal -shm; do [ -f "$cache$suffix" ] && cp "$cache$suffix" "$work/load.db$suffix"; done
  connection="Data Source=$work/load.db"
  database_note="SQLite copy of \`artifacts/bench/synthetic-100000-seed42.db\` (WAL)"
else
  db_provider=PostgreSql
  if [ -n "${KI_BENCH_PG:-}" ]; then
    connection=$KI_BENCH_PG
    database_note="PostgreSQL from \$KI_BENCH_PG"
  else
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$bin/initdb" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql/*/bin; set KI_BENCH_PG" >&2; exit 2; }
    pg=$(mktemp -d /tmp/ki-load-pg-XXXXXX) # its own folder: the postgres user cannot enter $work (0700, root's)
    pg_port=$(free_port)
    as=()
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pg"; as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    # Default durability (fsync, synchronous_commit on), as the crash script: the figures of a real configuration.
    "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg -c max_connections=200" start >/dev/null
    pg_stop=(sh -c "$(printf '%q ' "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast stop); rm -rf $(printf '%q' "$pg")")
    "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres kunshaninvest_load
    connection="Host=127.0.0.1;Port=$pg_port;Database=kunshaninvest_load;Username=postgres;Maximum Pool Size=100"
    database_note="throwaway PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on loopback, default durability (fsync on)"
  fi
  echo "generating 100k synthetic projects into PostgreSQL (skipped when already there) …" >&2
  if ! out=$(dotnet "$app_dll" seed --synthetic 100000 --Database:Provider PostgreSql --Database:ConnectionString "$connection" 2>&1); then
    grep -q "already holds synthetic data" <<<"$out" || { echo "$out" >&2; exit 1; }
  fi
fi

password="Load#$(date +%s)a1"
app_port=$(free_port)
bare_port=$(free_port)
app_url=http://127.0.0.1:$app_port
bare_url=http://127.0.0.1:$bare_port
# Production-like: Jobs off, no demo seed. The first start alone also loads the demo accounts (Seed:Demo), so there is
# an Officer and a Manager to sign in as; later starts skip that idempotent pass, as a real deployment would.
app_args=(--urls "$app_url" --Database:Provider "$db_provider" --Database:ConnectionString "$connection"
  --Database:DataDirectory "$work/data" --Jobs:Enabled false)
demo_args=(--Seed:Demo true --Seed:DemoPassword "$password")
mkdir -p "$work/data"

# Starts the app (Production, Jobs off, warnings only); sets app_pid and start_ms (exec to the first 200 of /health/live).
start_app() {
  local t0 t1
  t0=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$app_dll" "${app_args[@]}" "$@" >>"$work/app.log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$app_url/health/live" || true)" = 200 ]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; its log:" >&2; tail -40 "$work/app.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  start_ms=$(( (t1 - t0) / 1000000 ))
}

stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

echo "first start (migrations, reference and demo seed) …" >&2
start_app "${demo_args[@]}"
first_ms=$start_ms
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$app_url/health/ready" || true)" = 200 ]; do sleep 0.2; done
stop_app
cold=()
for _ in $(seq "$cold_runs"); do
  start_app
  cold+=("$start_ms")
  stop_app
done
cold_sorted=$(printf '%s\n' "${cold[@]}" | sort -n | tr '\n' ' ')
cold_median=$(printf '%s\n' "${cold[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "cold start to /health/live: ${cold_sorted}ms (median $cold_median ms)" >&2

start_app
echo "app pid $app_pid at $app_url" >&2

# An Officer's bearer token: the demo account must change its seeded password first (Production).
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token_for() {
  local user=$1 body code
  body=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' -d "{\"userName\":\"$user\",\"password\":\"$password\"}" "$app_url/api/v1/auth/token")
  code=${body##*$'\n'}
  if [ "$code" = 403 ] && grep -q password_change_required <<<"$body"; then
    curl -sf -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"userName\":\"$user\",\"currentPassword\":\"$password\",\"newPassword\":\"$password-2\"}" "$app_url/api/v1/auth/change-password"
    body=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' -d "{\"userName\":\"$user\",\"password\":\"$password-2\"}" "$app_url/api/v1/auth/token")
    code=${body##*$'\n'}
  fi
  [ "$code" = 200 ] || { echo "signing in as $user: $body" >&2; exit 1; }
  json "['accessToken']" <<<"${body%$'\n'*}"
}
# The lead and the list as the demo Officer; the funnel as the demo Manager, because an Officer's funnel covers only
# its own projects (ReportScope) while the bare host's — the report benchmark's baseline — covers the whole zone.
officer_token=$(token_for officer)
manager_token=$(token_for manager)
export KI_LOAD_TOKEN=$officer_token

dotnet "$bare_dll" bare --urls "$bare_url" --Database:Provider "$db_provider" --Database:ConnectionString "$connection" --Bare:Owner officer \
  >"$work/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$bare_url/health/live" || true)" = 200 ]; do
  kill -0 "$bare_pid" 2>/dev/null || { echo "the bare host exited; its log:" >&2; cat "$work/bare.log" >&2; exit 1; }
  sleep 0.05
done
# Leads spread over 1,000 enterprises with no project, a separate 1,000 for each host (bare: the first, app: the next).
targets() {
  curl -sf "$bare_url/bare/lead-targets?skip=$1&count=1000" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['sectorId']); print('\n'.join(d['enterpriseIds']))"
}
targets 0 >"$work/bare-enterprises"
targets 1000 >"$work/app-enterprises"
export KI_LOAD_ENTERPRISE KI_LOAD_ENTERPRISES KI_LOAD_SECTOR KI_LOAD_LUA_DIR=$root/bench/load
KI_LOAD_SECTOR=$(head -1 "$work/bare-enterprises")
sed -i 1d "$work/bare-enterprises" "$work/app-enterprises"

# The list's filter and sort: every stage but 流失, not major (~80% of the rows), newest activity first (the default).
stages=$(for s in Lead Contacted Negotiating Signed Registered LandSecured UnderConstruction Operating AboveScale AtCapacity OnHold; do printf 'stage=%s&' "$s"; done)
list_path="/api/v1/projects?${stages}major=false"
funnel_path=/api/v1/reports/funnel

# One request each before the load, so a broken endpoint fails the run instead of measuring error pages.
check() {
  local url=$1 method=$2 code
  if [ "$method" = POST ]; then
    code=$(curl -s -o "$work/check.json" -w '%{http_code}' -H "Authorization: Bearer $KI_LOAD_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"enterpriseId\":\"$KI_LOAD_ENTERPRISE\",\"sectorId\":\"$KI_LOAD_SECTOR\",\"source\":\"BusinessReferral\"}" "$url")
  else
    code=$(curl -s -o "$work/check.json" -w '%{http_code}' -H "Authorization: Bearer $KI_LOAD_TOKEN" "$url")
  fi
  case "$code" in
    2??) ;;
    *) echo "$method $url answered $code: $(head -c 500 "$work/check.json")" >&2
       echo "--- bare host log:" >&2; tail -30 "$work/bare.log" >&2; echo "--- app log:" >&2; tail -30 "$work/app.log" >&2; exit 1 ;;
  esac
}
for base in "$bare_url" "$app_url"; do
  KI_LOAD_ENTERPRISE=$(head -1 "$work/$([ "$base" = "$bare_url" ] && echo bare || echo app)-enterprises")
  check "$base/api/v1/projects" POST
  check "$base$list_path" GET
  KI_LOAD_TOKEN=$manager_token check "$base$funnel_path" GET
done

# Runs wrk (warm-up, then measured) and prints "rps p50 p99 non2xx errors"; for non-2xx answers, tallies 20 probes' codes.
# CPU time (clock ticks) of a process, and of all PostgreSQL server processes (0 on SQLite: it runs inside the host).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
db_ticks() {
  local total=0 p
  if [ "$provider" = postgres ]; then
    for p in $(pgrep -x postgres); do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  fi
  echo "$total"
}
hz=$(getconf CLK_TCK)
# Runs wrk against the host with pid $3 (warm-up, then measured) and prints "rps p50 p99 non2xx errors cores db_cores":
# the cores the host and the database server used on average over the measured window.
measure() {
  local url=$1 script=$2 pid=$3 line c0 c1 d0 d1 t0 t1
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$script" "$url" >/dev/null 2>&1
  c0=$(ticks "$pid"); d0=$(db_ticks); t0=$(date +%s%N)
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s "$script" "$url" 2>&1 | grep '^KI_RESULT')
  c1=$(ticks "$pid"); d1=$(db_ticks); t1=$(date +%s%N)
  echo "$line" >&2
  python3 - "$line" "$((c1 - c0))" "$((d1 - d0))" "$((t1 - t0))" "$hz" <<'EOF'
import sys
kv = dict(p.split("=") for p in sys.argv[1].split()[1:])
host, db, ns, hz = (int(a) for a in sys.argv[2:])
seconds = ns / 1e9
print(kv["rps"], kv["p50_ms"], kv["p99_ms"], kv["non2xx"], kv["socket_errors"], f"{host / hz / seconds:.2f}", f"{db / hz / seconds:.2f}")
EOF
}
# After a run with non-2xx answers: the status codes of 32 requests sent at once (the load's concurrency) and of 10 sent
# one after another, so the note says what failed and whether it needs concurrency to fail.
probe() {
  local url=$1 method=$2 i
  one() {
    if [ "$method" = POST ]; then
      curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $KI_LOAD_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"enterpriseId\":\"$KI_LOAD_ENTERPRISE\",\"sectorId\":\"$KI_LOAD_SECTOR\",\"source\":\"BusinessReferral\"}" "$url"
    else
      curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $KI_LOAD_TOKEN" "$url"
    fi
  }
  tally() { sort | uniq -c | awk '{printf "%s×%s ", $1, $2}'; }
  printf '32 at once: %s; 10 in a row: %s' \
    "$(for i in $(seq 32); do one & done | tally)" "$(for i in $(seq 10); do one; done | tally)"
}

rows=()
notes=()
for op in "POST lead|/api/v1/projects|lead.lua|POST|$officer_token" "GET list page 1|$list_path|get.lua|GET|$officer_token" \
  "GET funnel|$funnel_path|get.lua|GET|$manager_token"; do
  IFS='|' read -r name path script method KI_LOAD_TOKEN <<<"$op"
  echo "== $name: bare" >&2
  KI_LOAD_ENTERPRISES=$work/bare-enterprises KI_LOAD_ENTERPRISE=$(head -1 "$work/bare-enterprises")
  read -r b_rps b_p50 b_p99 b_bad b_err b_cpu b_db < <(measure "$bare_url$path" "$KI_LOAD_LUA_DIR/$script" "$bare_pid")
  echo "== $name: app" >&2
  KI_LOAD_ENTERPRISES=$work/app-enterprises KI_LOAD_ENTERPRISE=$(head -1 "$work/app-enterprises")
  read -r a_rps a_p50 a_p99 a_bad a_err a_cpu a_db < <(measure "$app_url$path" "$KI_LOAD_LUA_DIR/$script" "$app_pid")
  ratio=$(python3 -c "print(f'{$a_rps / $b_rps:.2f}' if $b_rps else 'n/a')")
  db_cpu=$([ "$provider" = postgres ] && echo "$b_db / $a_db" || echo "in process")
  rows+=("| $name | $b_rps | $b_p50 | $b_p99 | $a_rps | $a_p50 | $a_p99 | **${ratio}×** | $b_bad / $a_bad | $b_err / $a_err | $b_cpu / $a_cpu | $db_cpu |")
  if [ "$a_bad" != 0 ]; then notes+=("- app $name: $a_bad non-2xx answers under load; probes after the run: $(probe "$app_url$path" "$method")"); fi
  if [ "$b_bad" != 0 ]; then notes+=("- bare $name: $b_bad non-2xx answers under load; probes after the run: $(KI_LOAD_ENTERPRISE=$(head -1 "$work/bare-enterprises") probe "$bare_url$path" "$method")"); fi
done

rss() { awk -v k="$2:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
app_rss=$(rss "$app_pid" VmRSS)
app_hwm=$(rss "$app_pid" VmHWM)
bare_rss=$(rss "$bare_pid" VmRSS)
# EF logs every failed SaveChanges; on a lead that is a code collision (two leads numbered at once), which the handler
# renumbers and saves again. Anything else logged as a failure is an error.
collisions=$(grep -c 'An exception occurred in the database while saving changes' "$work/app.log" || true)
failures=$(grep '^fail:' "$work/app.log" | grep -vc 'Microsoft.EntityFrameworkCore' || true)

cat <<EOF

### $provider — $started_at

Machine: $cores cores, $cpu; load average at start $load_start (1/5/15 min). Database: $database_note.
wrk 4.1: $threads threads, $connections connections, $warmup warm-up then $duration measured per row, bare host first.
Requests/s over the measured window; latencies in ms; CPU in cores used on average over it (2 = the whole machine). App calls carry a bearer token: the demo Officer for the lead and the list, the demo Manager for the (zone-wide) funnel. Leads rotate over 1,000 enterprises with no project, a separate 1,000 per host.

| operation | bare req/s | bare p50 | bare p99 | app req/s | app p50 | app p99 | app/bare req/s | non-2xx bare / app | socket errors bare / app | host CPU cores bare / app | PostgreSQL CPU cores bare / app |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")

| app process | figure |
|---|---|
| cold start to first 200 of \`/health/live\` (migrations applied), median of $cold_runs | **$cold_median ms** (runs: ${cold_sorted% }) |
| first start (migrations + reference and demo seed on the copy; not a cold start) | $first_ms ms |
| resident memory (VmRSS) after the load run | **$app_rss MB** (peak VmHWM $app_hwm MB; bare host $bare_rss MB) |
| lead code collisions renumbered and saved again (EF \`SaveChanges\` failures logged) | $collisions |
| other errors logged by the app during the run | $failures |
EOF
if [ ${#notes[@]} -gt 0 ]; then printf '\n%s\n' "${notes[@]}"; fi
if [ "$failures" != 0 ]; then
  echo; echo "First app errors:"; grep -A3 '^fail:' "$work/app.log" | grep -v 'Microsoft.EntityFrameworkCore' | head -20 | sed 's/^/    /' || true
fi
