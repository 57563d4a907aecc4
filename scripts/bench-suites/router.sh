# Suite `router`: access check + deployment selection + managed ID mint/verify per request.
# Pure path (no Redis): processor ns/op, against the managed ID alone (mint + verify) as baseline.
# Shared-state path (live in-flight counts in Redis, one function call per request): µs/op against one Redis
# PING as baseline, with the round trips per request counted by the client.
# Options after the suite name go to `reel catalog bench` (--iterations, --shared-iterations, --rounds).
# Summary line: `router: pure_ns_per_op=N shared_us_per_op=N`.

start_redis
log "router benchmark"
"$REEL_BIN" catalog bench --redis-url "$REDIS_URL" "$@"
