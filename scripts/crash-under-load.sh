#!/usr/bin/env bash
# Crash under load (issue 8): builds the app (Release), starts it as a real process on its own port and temp data
# folder, sends N portal submissions over C connections with unique Idempotency-Keys, SIGKILLs the server K times at
# random moments, restarts it on the same database, retries every unanswered request (same key, same body) and then
# counts in the database that every acknowledged submission exists exactly once. Exit code 0 only without any loss.
#
#   scripts/crash-under-load.sh [sqlite|postgres] [submissions=5000] [connections=32] [kills=2] [-- tool options]
#
# postgres: uses $KI_CRASH_PG (an empty database's connection string) or starts a throwaway server from
# /usr/lib/postgresql/*/bin on a free loopback port, stopped on exit. Tool options, e.g. --seed 42 --partners 3
# --attachment-every 50 --takeover-seconds 5 --data-dir DIR, go after the four positional arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${1:-sqlite}
submissions=${2:-5000}
connections=${3:-32}
kills=${4:-2}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = "--" ] && shift

case "$provider" in
  sqlite|postgres) ;;
  *) echo "usage: $0 [sqlite|postgres] [submissions] [connections] [kills] [-- tool options]" >&2; exit 2 ;;
esac

echo "building (Release)…"
dotnet build src/KunshanInvest.Api/KunshanInvest.Api.csproj -c Release -v q -nologo >/dev/null
dotnet build tools/KunshanInvest.CrashLoad/KunshanInvest.CrashLoad.csproj -c Release -v q -nologo >/dev/null

extra=()
if [ "$provider" = postgres ]; then
  if [ -n "${KI_CRASH_PG:-}" ]; then
    extra+=(--connection-string "$KI_CRASH_PG")
  else
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$bin/initdb" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql/*/bin; set KI_CRASH_PG" >&2; exit 2; }
    pg=$(mktemp -d /tmp/ki-crash-pg-XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as=()
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pg"; as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/initdb" -D "$pg/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    # Default durability (fsync, synchronous_commit on): the figures are those of a real configuration.
    "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg -c max_connections=200" start >/dev/null
    trap '"${as[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg"' EXIT
    "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kunshaninvest_crash
    echo "throwaway PostgreSQL on 127.0.0.1:$port ($pg)"
    extra+=(--connection-string "Host=127.0.0.1;Port=$port;Database=kunshaninvest_crash;Username=postgres")
  fi
fi

dotnet tools/KunshanInvest.CrashLoad/bin/Release/net10.0/KunshanInvest.CrashLoad.dll \
  --app src/KunshanInvest.Api/bin/Release/net10.0/KunshanInvest.Api.dll \
  --provider "$provider" --submissions "$submissions" --connections "$connections" --kills "$kills" \
  "${extra[@]}" "$@"
