# Suite `e2e`: whole video jobs, end to end: POST /v1/videos → record `completed` (submit, poll, fetch of three
# variants into the blob store, complete), against a zero-render-time `reel sim`, for 1, 2 and 4 `reel worker`
# processes (--concurrency 16 each), release build, private redis-server, everything on loopback. Each point is the
# median of BENCH_RUNS runs in which wrk posts jobs for BENCH_POST_SECONDS while the workers run; jobs/s is the jobs
# posted divided by the time from the first post to the last job completed. The 1-worker figure is the baseline.
# Job overhead is the time from the provider reporting a video completed to our record being completed, read from
# the workers' reel_jobs_overhead histogram (2-worker runs).
# Needs wrk. Summary line: `e2e: jobs_per_s_1w=N jobs_per_s_2w=N jobs_per_s_4w=N overhead_p99_ms=N`.

POST_SECONDS=${BENCH_POST_SECONDS:-3}
RUNS=${BENCH_RUNS:-3}
WORKER_COUNTS=(1 2 4)
MASTER=sk-bench-master
WORK="$REEL_STATE/bench-e2e"
rm -rf "$WORK" && mkdir -p "$WORK"

command -v wrk >/dev/null || install_missing_packages wrk
start_redis

wait_http() {  # url: waits until it answers 200
    for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "no answer from $1" >&2; return 1
}

SIM_PORT=$(free_port)
"$REEL_BIN" sim --host 127.0.0.1 --port "$SIM_PORT" --render-seconds 0 --log-level warning >"$WORK/sim.log" 2>&1 &
STARTED_PIDS+=($!)
wait_http "http://127.0.0.1:$SIM_PORT/sim/stats"

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"prompt":"A calico cat playing a piano","model":"sora-2","seconds":"4","size":"1280x720"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $MASTER"
LUA

# Prints "jobs_per_s overhead_buckets_file" for one run with $1 workers.
run_once() {
    local workers=$1 run=$2
    local dir="$WORK/w$workers-r$run" && mkdir -p "$dir"
    local queue="bench-e2e-$RANDOM$RANDOM"
    cat >"$dir/config.yaml" <<YAML
model_list:
  - {model_name: sora-2, litellm_params: {model: openai/sora-2, api_base: "http://127.0.0.1:$SIM_PORT/v1", api_key: sk-sim-a}, model_info: {id: sim-a}}
  - {model_name: sora-2, litellm_params: {model: openai/sora-2, api_base: "http://127.0.0.1:$SIM_PORT/v1", api_key: sk-sim-b}, model_info: {id: sim-b}}
  - {model_name: sora-2, litellm_params: {model: openai/sora-2, api_base: "http://127.0.0.1:$SIM_PORT/v1", api_key: sk-sim-c}, model_info: {id: sim-c}}
general_settings: {master_key: $MASTER}
reel_settings:
  queue: $queue
  storage: {directory: $dir/blobs}
  worker: {poll_interval_min: 0.01, poll_interval_max: 1}
  secrets: {id_secret: bench-id-secret-0123456789}
YAML
    local pids=()
    local api_port && api_port=$(free_port)
    "$REEL_BIN" api --config "$dir/config.yaml" --host 127.0.0.1 --port "$api_port" >"$dir/api.log" 2>&1 &
    pids+=($!)
    wait_http "http://127.0.0.1:$api_port/health/readiness"
    local metrics_ports=()
    for n in $(seq 1 "$workers"); do
        local port && port=$(free_port)
        metrics_ports+=("$port")
        "$REEL_BIN" worker --config "$dir/config.yaml" --concurrency 16 --metrics-port "$port" --log-level warning >"$dir/worker-$n.log" 2>&1 &
        pids+=($!)
        wait_http "http://127.0.0.1:$port/health/readiness"
    done
    local started && started=$(date +%s.%N)
    wrk -t2 -c16 -d"${POST_SECONDS}s" -s "$WORK/post.lua" "http://127.0.0.1:$api_port/v1/videos" >"$dir/wrk.txt"
    local total=0 done_count=0
    while true; do
        local line && line=$("$REEL_BIN" queue stats --oneline --queue "$queue")
        total=$(echo "$line" | tr ' ' '\n' | awk -F= '$1!="paused"{s+=$2} END{print s}')
        done_count=$(echo "$line" | tr ' ' '\n' | awk -F= '$1=="done"{print $2}')
        [ "$done_count" -ge "$total" ] && [ "$total" -gt 0 ] && break
        local dead && dead=$(echo "$line" | tr ' ' '\n' | awk -F= '$1=="dead"{print $2}')
        [ "$dead" -gt 0 ] && { echo "dead jobs in $queue: $line" >&2; exit 1; }
        sleep 0.05
    done
    local finished && finished=$(date +%s.%N)
    for port in "${metrics_ports[@]}"; do curl -fsS "http://127.0.0.1:$port/metrics"; done >"$dir/metrics.txt"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    python3 -c "print(f'{$done_count / ($finished - $started):.0f}', '$dir/metrics.txt')"
}

declare -A MEDIAN
OVERHEAD_FILES=()
for workers in "${WORKER_COUNTS[@]}"; do
    rates=()
    for run in $(seq 1 "$RUNS"); do
        read -r rate metrics < <(run_once "$workers" "$run")
        log "$workers worker(s), run $run: $rate jobs/s"
        rates+=("$rate")
        [ "$workers" -eq 2 ] && OVERHEAD_FILES+=("$metrics")
    done
    MEDIAN[$workers]=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
done

read -r P50 P99 < <(python3 - "${OVERHEAD_FILES[@]}" <<'PY'
import re, sys
buckets = {}
for path in sys.argv[1:]:
    for line in open(path):
        m = re.match(r'reel_jobs_overhead_bucket\{.*le="([^"]+)"\} (\S+)', line)
        if m:
            bound = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
            buckets[bound] = buckets.get(bound, 0) + float(m.group(2))
bounds = sorted(buckets)
total = buckets[float("inf")]
def quantile(q):
    rank, lower, below = q * total, 0.0, 0.0
    for bound in bounds:
        if buckets[bound] >= rank:
            if bound == float("inf"):
                return lower * 1000
            share = (rank - below) / max(buckets[bound] - below, 1e-9)
            return (lower + (bound - lower) * share) * 1000
        lower, below = bound, buckets[bound]
print(f"{quantile(0.5):.1f} {quantile(0.99):.1f}")
PY
)

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
log "median jobs/s: 1w=${MEDIAN[1]} 2w=${MEDIAN[2]} ($(ratio "${MEDIAN[2]}" "${MEDIAN[1]}")x) 4w=${MEDIAN[4]} ($(ratio "${MEDIAN[4]}" "${MEDIAN[1]}")x); overhead p50=${P50} ms p99=${P99} ms"
echo "e2e: jobs_per_s_1w=${MEDIAN[1]} jobs_per_s_2w=${MEDIAN[2]} jobs_per_s_4w=${MEDIAN[4]} overhead_p99_ms=${P99}"
