# Shared by scripts/test, scripts/demo and scripts/bench: install what is missing, start a private
# redis-server on a free loopback port, build reel, and make the Python virtualenv.
# Source it from the repository root.

REEL_ROOT=$(pwd)
REEL_STATE=${REEL_STATE:-$REEL_ROOT/.reel}
mkdir -p "$REEL_STATE"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the Debian packages Reel needs, quietly, and only those that are missing.
install_missing_packages() {
    local wanted=(curl openssl redis-server redis-sentinel redis-tools libhiredis-dev libcurl4-openssl-dev libssl-dev pkg-config python3-venv "$@")
    local missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Prints a TCP port that nothing listens on.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts redis-server on a free loopback port with its data in $REEL_STATE/redis-PORT and exports
# REDIS_URL and REDIS_PORT. The server stops when the calling shell exits (stop_started_processes).
start_redis() {
    REDIS_PORT=$(free_port)
    local dir="$REEL_STATE/redis-$REDIS_PORT"
    mkdir -p "$dir"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no \
        --daemonize no --logfile "$dir/redis.log" "$@" &
    STARTED_PIDS+=($!)
    for _ in $(seq 1 100); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
    redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "redis-server did not start; see $dir/redis.log" >&2; return 1; }
    export REDIS_PORT REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    log "redis-server on $REDIS_URL"
}

# Starts moto's S3-compatible server (from the virtualenv: call python_venv first) on a free loopback port with its
# log in $REEL_STATE/moto-PORT, and exports S3_ENDPOINT_URL. The server stops with the calling shell.
start_moto() {
    local port
    port=$(free_port)
    local dir="$REEL_STATE/moto-$port"
    mkdir -p "$dir"
    "$REEL_ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 &
    STARTED_PIDS+=($!)
    for _ in $(seq 1 200); do
        curl -fsS -o /dev/null "http://127.0.0.1:$port/moto-api/" 2>/dev/null && break
        sleep 0.05
    done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/moto-api/" || { echo "moto_server did not start; see $dir/moto.log" >&2; return 1; }
    export S3_ENDPOINT_URL="http://127.0.0.1:$port"
    log "moto S3 server on $S3_ENDPOINT_URL"
}

# Makes (once) a test CA and certificates with the openssl command in $REEL_STATE/tls and exports REDIS_TLS_DIR:
# ca.crt, server.crt/.key (for localhost and 127.0.0.1), client.crt/.key, and other-ca.crt, a CA that signed nothing here.
make_tls_certificates() {
    local dir="$REEL_STATE/tls"
    export REDIS_TLS_DIR="$dir"
    [ -s "$dir/client.crt" ] && [ -s "$dir/other-ca.crt" ] && return 0
    log "making test TLS certificates in $dir"
    mkdir -p "$dir"
    (
        cd "$dir"
        local quiet=(-days 3650 -sha256)
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt "${quiet[@]}" -subj "/CN=Reel test CA" 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt "${quiet[@]}" -subj "/CN=Reel other CA" 2>/dev/null
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
        printf 'extendedKeyUsage=clientAuth\n' >client.ext
        for who in server client; do
            openssl req -newkey rsa:2048 -nodes -keyout "$who.key" -out "$who.csr" -subj "/CN=reel-$who" 2>/dev/null
            openssl x509 -req -in "$who.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$who.crt" "${quiet[@]}" \
                -extfile "$who.ext" 2>/dev/null
        done
        rm -f ./*.csr ./*.ext ca.srl
    )
}

# Starts a redis-server that speaks TLS only, on a free loopback port, with the certificates of make_tls_certificates
# (clients need no certificate), and exports REDIS_TLS_PORT and REDIS_TLS_URL (rediss://…?ca_file=…).
start_redis_tls() {
    make_tls_certificates
    REDIS_TLS_PORT=$(free_port)
    local dir="$REEL_STATE/redis-tls-$REDIS_TLS_PORT"
    mkdir -p "$dir"
    redis-server --port 0 --tls-port "$REDIS_TLS_PORT" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no \
        --tls-cert-file "$REDIS_TLS_DIR/server.crt" --tls-key-file "$REDIS_TLS_DIR/server.key" \
        --tls-ca-cert-file "$REDIS_TLS_DIR/ca.crt" --tls-auth-clients no \
        --daemonize no --logfile "$dir/redis.log" "$@" &
    STARTED_PIDS+=($!)
    local cli=(redis-cli -p "$REDIS_TLS_PORT" --tls --cacert "$REDIS_TLS_DIR/ca.crt")
    for _ in $(seq 1 100); do
        "${cli[@]}" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
    "${cli[@]}" ping >/dev/null || { echo "redis-server (TLS) did not start; see $dir/redis.log" >&2; return 1; }
    export REDIS_TLS_PORT REDIS_TLS_URL="rediss://127.0.0.1:$REDIS_TLS_PORT?ca_file=$REDIS_TLS_DIR/ca.crt"
    log "redis-server (TLS) on $REDIS_TLS_URL"
}

STARTED_PIDS=()
stop_started_processes() {
    for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

# SIGKILLs the processes listed (one id a line) in the file $1 that are still ours: those whose environment carries
# REEL_PIDS_FILE=$1 (scripts/lib/reel_stack.py lists there every process it starts), so a listed id that has since
# been reused by another process is left alone.
kill_listed_processes() {
    local pid
    [ -f "$1" ] || return 0
    while read -r pid; do
        [ -n "$pid" ] && { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "REEL_PIDS_FILE=$1" && { kill -9 "$pid" 2>/dev/null || true; }
    done <"$1"
    return 0
}

# wrk_figures REPORT [TICKS]: reads a `wrk --latency` report; prints "rps p50_ms p99_ms cpu_us", cpu_us being TICKS
# clock ticks of CPU time spread over the report's requests (0 without TICKS).
wrk_figures() {
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 } / requests in / { n = $1 }
        END { printf "%d %.2f %.2f %.1f\n", rps, p50, p99, n ? (ticks / hz) * 1e6 / n : 0 }' \
        ticks="${2:-0}" hz="$(getconf CLK_TCK)" "$1"
}

# Builds reel (debug unless REEL_CONFIGURATION=release) and exports REEL_BIN; with BENCH_REEL_BIN set, uses that
# binary instead (scripts/bench compare runs the suites on a baseline binary that way).
build_reel() {
    if [ -n "${BENCH_REEL_BIN:-}" ]; then
        REEL_BIN=$BENCH_REEL_BIN
        export REEL_BIN
        log "using $REEL_BIN"
        return
    fi
    local conf=${REEL_CONFIGURATION:-debug}
    log "building reel ($conf)"
    swift build -c "$conf" --product reel
    REEL_BIN="$(swift build -c "$conf" --show-bin-path)/reel"
    export REEL_BIN
}

# `make_venv DIR FILE…`: creates (once) the virtualenv $REEL_ROOT/DIR and installs the pinned packages of each
# requirements FILE, again whenever that file changes. Sets PYTHON to its interpreter.
make_venv() {
    local venv="$REEL_ROOT/$1"
    shift
    if [ ! -x "$venv/bin/python" ]; then
        log "creating the Python virtualenv $venv"
        python3 -m venv "$venv"
    fi
    local requirements marker
    for requirements in "$@"; do
        marker="$venv/.installed-$(basename "$requirements")"
        cmp -s "$requirements" "$marker" && continue
        log "installing the Python packages of $requirements"
        "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$marker"
    done
    PYTHON="$venv/bin/python"
    export PYTHON
}

# The project's virtualenv (.venv) with the packages of scripts/requirements.txt, and of the further requirements
# files given (scripts/soak adds its plotting library).
python_venv() {
    make_venv .venv scripts/requirements.txt "$@"
}
