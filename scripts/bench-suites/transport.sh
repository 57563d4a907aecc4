# Suite `transport`: small GETs (GET /v1/videos/{id}) against `reel sim` at concurrency 1, 64 and 512, by
# CurlTransport (hidden `reel transport-bench`: one transfer thread) and, as the baseline in the same run, by
# `curl --parallel`. Each cell is the median of REPEATS runs. curl caps --parallel-max at 300, so its 512 row runs at 300.
# Knobs (environment): REQUESTS (per run, default 20000; concurrency 1 runs a tenth), REPEATS (default 3).
# Summary line: `transport: reel_rps=N curl_rps=N` (concurrency 64).

REQUESTS=${REQUESTS:-20000}
REPEATS=${REPEATS:-3}

port=$(free_port)
"$REEL_BIN" sim --port "$port" --render-seconds 0 --log-level warning &
STARTED_PIDS+=($!)
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/sim/stats" >/dev/null 2>&1 && break; sleep 0.1; done
auth='Authorization: Bearer sk-bench'
video_id=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"model":"sora-2","prompt":"bench","seconds":"4"}' "$base/v1/videos" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
url="$base/v1/videos/$video_id"
log "reel sim on $base, GET $url"

work=$(mktemp -d)
trap 'stop_started_processes; rm -rf "$work"' EXIT

# Prints "rps p50_ms p99_ms" for one curl --parallel run.
curl_run() {
    local concurrency=$1 requests=$2
    local start end
    start=$(date +%s.%N)
    curl -s -Z --parallel-immediate --parallel-max "$concurrency" -H "$auth" -o /dev/null -w '%{http_code} %{time_total}\n' \
        "$url?n=[1-$requests]" >"$work/curl.txt" 2>/dev/null  # in parallel mode curl prints a progress meter despite -s
    end=$(date +%s.%N)
    python3 - "$work/curl.txt" "$start" "$end" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1]) if l.strip()]
bad = [l for l in lines if l[0] != "200"]
if bad:
    sys.exit(f"curl: {len(bad)} requests failed, e.g. status {bad[0][0]}")
t = sorted(float(l[1]) * 1000 for l in lines)
elapsed = float(sys.argv[3]) - float(sys.argv[2])
print(int(len(t) / elapsed), round(t[len(t) // 2], 3), round(t[min(len(t) - 1, int(len(t) * 0.99))], 3))
PY
}

# Prints "rps p50_ms p99_ms" for one reel transport-bench run.
reel_run() {
    "$REEL_BIN" transport-bench --url "$url" --header "$auth" --concurrency "$1" --requests "$2" |
        sed -E 's/.*rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 \2 \3/'
}

# Runs a client REPEATS times and prints the run with the median rate.
median_of() {
    for _ in $(seq 1 "$REPEATS"); do "$@"; done | sort -n | sed -n "$(((REPEATS + 1) / 2))p"
}

printf '%-12s %-10s %10s %10s %10s\n' concurrency client req/s p50_ms p99_ms
for concurrency in 1 64 512; do
    requests=$REQUESTS
    [ "$concurrency" -eq 1 ] && requests=$((REQUESTS / 10))
    curl_concurrency=$((concurrency > 300 ? 300 : concurrency))
    read -r reel_rps reel_p50 reel_p99 < <(median_of reel_run "$concurrency" "$requests")
    read -r curl_rps curl_p50 curl_p99 < <(median_of curl_run "$curl_concurrency" "$requests")
    printf '%-12s %-10s %10s %10s %10s\n' "$concurrency" reel "$reel_rps" "$reel_p50" "$reel_p99"
    printf '%-12s %-10s %10s %10s %10s\n' "$concurrency" "curl@$curl_concurrency" "$curl_rps" "$curl_p50" "$curl_p99"
    python3 -c "print(f'{\"\":12} ratio      {$reel_rps / $curl_rps:10.2f}')"
    if [ "$concurrency" -eq 64 ]; then summary="transport: reel_rps=$reel_rps curl_rps=$curl_rps"; fi
done
echo "$summary"
