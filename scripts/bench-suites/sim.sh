# Suite `sim`: the simulator holding thousands of videos. Fills it with videos (POST /videos, JSON, 64 connections),
# then measures GET /videos/{id} at 1 and 64 connections with wrk, three runs each (medians reported), against the
# baseline of the same server answering an unknown route (router and middleware only, no handler work).
# Needs wrk. Summary line: `sim: videos=N rss_mb=N get_p50_us=N get_rps_c64=N baseline_rps_c64=N`.

command -v wrk >/dev/null || install_missing_packages wrk
port=$(free_port)
"$REEL_BIN" sim --port "$port" --render-seconds 600 --log-level warning &
sim_pid=$!
STARTED_PIDS+=($sim_pid)
rss_mb() { echo $(( $(ps -o rss= -p "$sim_pid") / 1024 )); }
rss_empty=$(rss_mb)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/sim/stats" >/dev/null && break; sleep 0.05; done

url="http://127.0.0.1:$port"
auth="Authorization: Bearer sk-bench"
lua=$(mktemp)
cat >"$lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"prompt":"bench","seconds":"8","size":"1280x720"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
LUA
log "filling the simulator with videos"
wrk -t2 -c64 -d5s -s "$lua" "$url/v1/videos" | grep -E "Requests/sec"
rm -f "$lua"
videos=$(curl -s "$url/sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["videos_created"])')
id=$(curl -s -H "$auth" "$url/v1/videos?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
rss_full=$(rss_mb)
log "$videos videos held; resident memory ${rss_empty} MB empty, ${rss_full} MB full; measuring GET /v1/videos/$id"

# Prints "p50_us p99_us rps" of one wrk run.
measure() {
    wrk -t"$1" -c"$2" -d5s --latency -H "$auth" "$3" | python3 -c '
import re, sys
text = sys.stdin.read()
def us(label):
    m = re.search(r"^\s*" + str(label) + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 1, "ms": 1e3, "s": 1e6}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"{us(50):.0f} {us(99):.0f} {rps:.0f}")'
}

# Median of three runs, field by field.
median3() {
    python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
print(" ".join(f"{statistics.median(col):.0f}" for col in zip(*rows)))'
}

declare -A result
for target in get baseline; do
    path="/v1/videos/$id"
    [ "$target" = baseline ] && path="/v1/not-a-route"
    for conns in 1 64; do
        threads=$([ "$conns" = 1 ] && echo 1 || echo 2)
        result[$target-$conns]=$(for _ in 1 2 3; do measure "$threads" "$conns" "$url$path"; done | median3)
    done
done

printf '%-24s %10s %10s %10s\n' "request (connections)" "p50 us" "p99 us" "req/s"
for target in get baseline; do
    for conns in 1 64; do
        read -r p50 p99 rps <<<"${result[$target-$conns]}"
        printf '%-24s %10s %10s %10s\n' "$target ($conns)" "$p50" "$p99" "$rps"
    done
done
read -r get_p50 _ _ <<<"${result[get-1]}"
read -r _ _ get_rps <<<"${result[get-64]}"
read -r _ _ base_rps <<<"${result[baseline-64]}"
python3 -c "print(f'GET /videos/{{id}} rate at 64 connections: {$get_rps / $base_rps:.2f}x the baseline')"
echo "sim: videos=$videos rss_mb=$rss_full get_p50_us=$get_p50 get_rps_c64=$get_rps baseline_rps_c64=$base_rps"
