package import ReelRedis

/// The Redis functions library behind the shared router state and reload propagation.
package enum RouterLibrary {
    /// Version of ``source``; a process loads the library when Redis holds an older one (or none).
    package static let version = 2

    /// The Redis functions behind the shared router state, registered from ``RouterFunction``. Times come from the
    /// server (`TIME`), never from the callers' clocks.
    ///
    /// - `reel_router_acquire` KEYS: per candidate `inflight, stats`; ARGV: mode (`first`, `least`, `peek`),
    ///   lease ms, token, then per candidate `rpm max_parallel` (0 = unlimited). Reads every candidate (leases
    ///   not yet expired, rpm bucket refilled, cooldown end); `first` takes the first usable candidate, `least`
    ///   the usable one with the fewest in flight (ties: the given order), `peek` takes none. Taking one drops its
    ///   expired leases, adds the new lease and spends an rpm token. Reply: `{chosen (1-based, 0 none), soonest wait ms, then per candidate
    ///   in_flight, cooldown ms, rate wait ms, latency ms (-1 unmeasured)}`.
    /// - `reel_router_release` KEYS: `inflight, stats, fails`; ARGV: token (may be empty), latency ms
    ///   (-1: none), failed (0/1), allowed fails, window ms, cooldown ms. Ends the lease, folds the latency into
    ///   an average, and on failure counts it; more than `allowed fails` within the window starts a cooldown.
    ///   Reply: cooldown ms started (0 none).
    /// - `reel_router_publish` KEYS: `published`; ARGV: kind (`catalog`, `config`), catalog JSON, channel.
    ///   Stores the catalog, bumps the version and publishes `kind version`. Reply: the new version.
    static let source = """
        #!lua name=reel_router

        local VERSION = \(version)

        local function now_ms()
          local t = redis.call('TIME')
          return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end

        local function acquire(keys, args)
          local mode, lease, token = args[1], tonumber(args[2]), args[3]
          local now = now_ms()
          local count = #keys / 2
          local states = {}
          local chosen, soonest = 0, -1
          local best_in_flight = nil
          for i = 1, count do
            local inflight_key, stats_key = keys[2 * i - 1], keys[2 * i]
            local rpm, max_parallel = tonumber(args[2 + 2 * i]), tonumber(args[3 + 2 * i])
            local in_flight = redis.call('ZCOUNT', inflight_key, '(' .. now, '+inf')
            local stats = redis.call('HMGET', stats_key, 'tokens', 'ts', 'lat', 'cooldown_until')
            local cooldown = math.max(0, (tonumber(stats[4]) or 0) - now)
            local tokens, rate_wait = nil, 0
            if rpm > 0 then
              tokens = tonumber(stats[1]) or rpm
              local since = now - (tonumber(stats[2]) or now)
              if since > 0 then tokens = math.min(rpm, tokens + since * rpm / 60000) end
              if tokens < 1 then rate_wait = math.ceil((1 - tokens) * 60000 / rpm) end
            end
            local latency = tonumber(stats[3])
            latency = latency and math.floor(latency + 0.5) or -1
            local wait = math.max(cooldown, rate_wait)
            if max_parallel > 0 and in_flight >= max_parallel then wait = math.max(wait, 1000) end
            if wait > 0 then
              if soonest < 0 or wait < soonest then soonest = wait end
            elseif mode == 'first' and chosen == 0 then
              chosen = i
            elseif mode == 'least' and (best_in_flight == nil or in_flight < best_in_flight) then
              chosen, best_in_flight = i, in_flight
            end
            states[i] = {in_flight, cooldown, rate_wait, latency, tokens, rpm}
          end
          if chosen > 0 then
            local inflight_key, stats_key = keys[2 * chosen - 1], keys[2 * chosen]
            redis.call('ZREMRANGEBYSCORE', inflight_key, '-inf', now)
            redis.call('ZADD', inflight_key, now + lease, token)
            if redis.call('PTTL', inflight_key) < lease then redis.call('PEXPIRE', inflight_key, lease) end
            local state = states[chosen]
            if state[6] > 0 then
              redis.call('HSET', stats_key, 'tokens', tostring(state[5] - 1), 'ts', now)
            end
            redis.call('PEXPIRE', stats_key, 86400000)
            state[1] = state[1] + 1
          end
          local reply = {chosen, soonest}
          for i = 1, count do
            local s = states[i]
            table.insert(reply, s[1]); table.insert(reply, s[2]); table.insert(reply, s[3]); table.insert(reply, s[4])
          end
          return reply
        end

        local function release(keys, args)
          local token, latency, failed = args[1], tonumber(args[2]), args[3] == '1'
          local allowed, window, cooldown = tonumber(args[4]), tonumber(args[5]), tonumber(args[6])
          if token ~= '' then redis.call('ZREM', keys[1], token) end
          if latency >= 0 then
            local previous = tonumber(redis.call('HGET', keys[2], 'lat'))
            local average = previous and (0.8 * previous + 0.2 * latency) or latency
            redis.call('HSET', keys[2], 'lat', tostring(average))
            redis.call('PEXPIRE', keys[2], 86400000)
          end
          if not failed then return 0 end
          local fails = redis.call('INCR', keys[3])
          if fails == 1 then redis.call('PEXPIRE', keys[3], window) end
          if fails > allowed then
            redis.call('HSET', keys[2], 'cooldown_until', now_ms() + cooldown)
            redis.call('PEXPIRE', keys[2], math.max(86400000, cooldown))
            redis.call('DEL', keys[3])
            return cooldown
          end
          return 0
        end

        local function publish(keys, args)
          local kind, json, channel = args[1], args[2], args[3]
          local version
          if kind == 'catalog' then
            redis.call('HSET', keys[1], 'catalog', json)
            version = redis.call('HINCRBY', keys[1], 'catalog_version', 1)
          else
            version = redis.call('HINCRBY', keys[1], 'config_version', 1)
          end
          redis.call('PUBLISH', channel, kind .. ' ' .. version)
          return version
        end

        local function version() return VERSION end

        \(RedisFunctionSignature.luaArgumentCheck)

        \(RouterFunction.registrations)
        """

    /// Loads the library unless Redis holds this version or a newer one.
    package static func load(_ client: RedisClient) async throws {
        try await client.loadFunctions(source, version: version, versionFunction: RouterFunction.version.signature.name)
    }

    /// FCALL, loading the library first when Redis does not have it (a restarted or flushed server).
    /// - Throws: ``RedisError`` with ``RedisError/Code/invalidArgument`` when `arguments` do not fit the function.
    package static func call(_ client: RedisClient, _ function: RouterFunction, keys: [String], arguments: [String]) async throws -> RESPValue {
        let signature = function.signature
        try signature.check(arguments)
        return try await client.reloadingFunctions({ try await load(client) }) {
            try await client.fcall(signature.name, keys: keys, arguments: arguments)
        }
    }
}
