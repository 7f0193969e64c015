#!/usr/bin/env bash
# Load harness of trame-web (issue 16): release build, 200 dossiers, 50 keep-alive readers and
# 5 writers for SECONDS (30 to 60), then contiguous versions and `trame archive verify`.
#   Benchmarks/WebLoad/load.sh [SECONDS=45] [DOSSIERS=200]   (SWIFT_BUILD_FLAGS=… for extra build flags)
# Prints p50/p99 per kind of request and the errors; exit status 1 on any error.
set -eu
cd "$(dirname "$0")/../.."
SECONDS_RUN="${1:-45}"
COUNT="${2:-200}"
# SWIFT_BUILD_FLAGS: optional extra flags for both release builds (none are needed).
swift build -c release --product trame-web ${SWIFT_BUILD_FLAGS:-} >/dev/null
swift build -c release --product trame ${SWIFT_BUILD_FLAGS:-} >/dev/null
BIN=.build/release
TMP="$(mktemp -d /tmp/trame-load.XXXXXX)"
WS="$TMP/ws"
SERVER=""
cleanup() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; [ -n "${KEEP:-}" ] && echo "espace gardé : $TMP" || rm -rf "$TMP"; }
trap cleanup EXIT

echo "== Espace de travail : $COUNT dossiers"
$BIN/trame init "$WS" >/dev/null
$BIN/trame convention add Conventions/metz-jury-2018/convention-metz-jury-2018.yaml --workspace "$WS" --by charge >/dev/null
python3 - "$TMP" "$COUNT" <<'PY'
import sys, pathlib
tmp, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
source = pathlib.Path("Conventions/metz-jury-2018/dossier-MJ-2019-004.yaml").read_text(encoding="utf-8")
names = ["Anne-Sophie", "Zoé", "Jean-Baptiste", "Maëlle", "Éloïse", "Noël", "Chloé", "Loïc"]
ids = []
for n in range(count):
    ident = f"MJ-2030-{n:03d}"
    ids.append(ident)
    text = source.replace("MJ-2019-004", ident).replace("Anne-Sophie", names[n % len(names)])
    (tmp / f"dossier-{ident}.yaml").write_text(text, encoding="utf-8")
(tmp / "ids.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
PY
for f in "$TMP"/dossier-MJ-2030-*.yaml; do
  $BIN/trame dossier add "$f" --workspace "$WS" --by charge >/dev/null
done
for n in 0 1 2 3 4; do
  echo "mot-de-passe-de-charge" | $BIN/trame users add "lecteur$n" --role coordination --workspace "$WS" --by charge >/dev/null
  echo "mot-de-passe-de-charge" | $BIN/trame users add "ecrivain$n" --role soin --workspace "$WS" --by charge >/dev/null
done

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$BIN/trame-web --workspace "$WS" --port "$PORT" >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/sante')" 2>/dev/null && break
  sleep 0.2
done

[ -n "${SETUP_ONLY:-}" ] && { echo "serveur : http://127.0.0.1:$PORT"; exit 0; }
echo "== Charge : 50 lecteurs, 5 écrivains, $SECONDS_RUN s (build release, client sur la même machine)"
STATUS=0
TICKS0=$(awk '{print $14+$15}' "/proc/$SERVER/stat" 2>/dev/null || echo 0); T0=$(date +%s.%N)
python3 Benchmarks/WebLoad/load.py "http://127.0.0.1:$PORT" --ids "$TMP/ids.txt" --seconds "$SECONDS_RUN" || STATUS=1
if [ -r "/proc/$SERVER/stat" ]; then
  # CPU of the server over the run (sign-ins included: bcrypt), and its peak memory.
  TICKS1=$(awk '{print $14+$15}' "/proc/$SERVER/stat"); T1=$(date +%s.%N)
  python3 -c "print(f'serveur : {($TICKS1-$TICKS0)/$(getconf CLK_TCK)/($T1-$T0)*100:.0f} % d\'un cœur en moyenne, mémoire maximale {$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")/1024:.0f} Mo')"
fi
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""

echo "== Versions contiguës et archive"
python3 - "$WS/trame.sqlite" <<'PY' || STATUS=1
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad, total = [], 0
for record, versions in db.execute("SELECT record_id, group_concat(version) FROM record_version GROUP BY record_id"):
    numbers = sorted(int(v) for v in versions.split(","))
    total += len(numbers)
    if numbers != list(range(1, len(numbers) + 1)):
        bad.append(record)
print(f"{total} versions ; séries non contiguës : {len(bad)} {bad[:5]}")
sys.exit(1 if bad else 0)
PY
$BIN/trame archive verify --workspace "$WS" || STATUS=1
exit $STATUS
