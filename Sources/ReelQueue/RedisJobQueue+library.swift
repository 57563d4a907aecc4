import ReelRedis

extension RedisJobQueue {
    /// Version of ``library``; a process loads the library when Redis holds an older one.
    package static let libraryVersion = 13

    /// The queue's Redis functions library (Redis ≥ 7.0), loaded with `FUNCTION LOAD REPLACE`.
    ///
    /// Every function takes `KEYS[1]` = the queue's key prefix `reel:{name}:` (one hash tag, one cluster
    /// slot) and `ARGV[1]` = retention of finished jobs in ms, `ARGV[2]` = approximate cap of the events
    /// stream; their own arguments follow, as ``QueueFunction`` lists them (the registrations at the end come from it).
    /// Idempotency keys (`reel:{name}:idem:<key>`) live as long as finished jobs. All times come from `TIME`. Errors
    /// start with a code word: `NOJOB`, `STALE`, `EXISTS`, `BADARG`. A job that ended done or cancelled is a
    /// ``PackedJob`` string under its key; every function that reads a job's fields reads both forms.
    static let library = #"""
        #!lua name=reel_queue

        local VERSION = \#(libraryVersion)
        local PRIO_SPAN = 1099511627776 -- 2^40: ready score = (1000 - priority) * 2^40 + sequence
        local GRACE_MS = 3600000         -- a finished job outlives the index trim by this much
        local TRIM_ON_ADD = 4            -- index entries past retention removed by each call that adds one (more than it adds)
        local PACKED_MARKER = '\#(PackedJob.marker)'
        local PACKED_FIELDS = \#(PackedJob.luaFields)

        local function fmt(n) return string.format('%.0f', n) end

        local function ctx(keys, args)
          local t = redis.call('TIME')
          return {
            p = keys[1],
            now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000),
            retention = tonumber(args[1]),
            evmax = tonumber(args[2]),
          }
        end

        local function jkey(c, id) return c.p .. 'job:' .. id end

        -- The packed form of a finished job: `values` by PACKED_FIELDS, then the record (see PackedJob).
        local function pack(values, record)
          local parts = {PACKED_MARKER}
          for _, name in ipairs(PACKED_FIELDS) do
            local v = values[name] or ''
            parts[#parts + 1] = #v .. ':' .. v
          end
          if record then parts[#parts + 1] = '=' .. record end
          return table.concat(parts)
        end

        -- A packed job's fields by name, the record under `record` (nil when it has none).
        local function unpack_job(s)
          local t, pos = {}, #PACKED_MARKER + 1
          for _, name in ipairs(PACKED_FIELDS) do
            local colon = string.find(s, ':', pos, true)
            local n = tonumber(string.sub(s, pos, colon - 1))
            t[name] = string.sub(s, colon + 1, colon + n)
            pos = colon + n + 1
          end
          if string.sub(s, pos, pos) == '=' then t.record = string.sub(s, pos + 1) end
          return t
        end

        -- A field of a job in either form (false when the job does not exist), and whether the job is packed.
        local function job_field(k, name)
          local v = redis.pcall('HGET', k, name)
          if type(v) == 'table' and v.err then return unpack_job(redis.call('GET', k))[name], true end
          return v, false
        end

        -- The events stream keeps the last `evmax` entries (about) and none older than the retention period.
        local function event(c, name, id)
          local key = c.p .. 'events'
          redis.call('XADD', key, 'MAXLEN', '~', c.evmax, '*', 'event', name, 'job', id)
          redis.call('XTRIM', key, 'MINID', fmt(c.now - c.retention))
        end

        local function wake(c) redis.call('ZADD', c.p .. 'marker', 0, 'wake') end

        local function ready_score(priority, seq) return fmt((1000 - tonumber(priority)) * PRIO_SPAN + tonumber(seq)) end

        -- Puts a job in the ready set (its place is fixed by its priority and enqueue sequence).
        local function to_ready(c, k, id)
          local v = redis.call('HMGET', k, 'priority', 'seq')
          redis.call('HSET', k, 'state', 'ready', 'worker', '', 'lease_until', '', 'run_at', '', 'updated_at', c.now)
          redis.call('ZREM', c.p .. 'scheduled', id)
          redis.call('ZREM', c.p .. 'active', id)
          redis.call('ZADD', c.p .. 'ready', ready_score(v[1], v[2]), id)
        end

        local function to_scheduled(c, k, id, run_at)
          redis.call('HSET', k, 'state', 'scheduled', 'worker', '', 'lease_until', '', 'run_at', fmt(run_at), 'updated_at', c.now)
          redis.call('ZREM', c.p .. 'active', id)
          redis.call('ZADD', c.p .. 'scheduled', fmt(run_at), id)
        end

        local function group_key(c, group) return c.p .. 'group:' .. group end

        -- Deletes up to `limit` jobs of a finished sorted-set index older than the retention period, with their owner
        -- entries; O(log n) each. The dead index is one; done and cancelled were too before library 12 (see log_key).
        local function trim_index(c, index, limit)
          local ids = redis.call('ZRANGEBYSCORE', c.p .. index, '-inf', c.now - c.retention, 'LIMIT', 0, limit)
          for _, id in ipairs(ids) do
            local k = jkey(c, id)
            local owner = job_field(k, 'owner')
            if owner and owner ~= '' then redis.call('ZREM', c.p .. 'owner:' .. owner, id) end
            redis.call('DEL', k)
          end
          if #ids > 0 then redis.call('ZREM', c.p .. index, unpack(ids)) end
          return #ids
        end

        -- The log of jobs that ended in `state` (done or cancelled): a stream entry (job, owner) each, about a third of
        -- a sorted-set entry's bytes. Its ids are finish times (TIME); the zsets of earlier versions are still swept.
        local function log_key(p, state) return p .. state .. ':log' end

        -- Deletes up to `limit` jobs of a finished log older than the retention period, with their owner-index entries.
        local function trim_log(c, state, limit)
          local key = log_key(c.p, state)
          local entries = redis.call('XRANGE', key, '-', fmt(c.now - c.retention - 1), 'COUNT', limit)
          if #entries == 0 then return 0 end
          local ids = {}
          for i, entry in ipairs(entries) do
            local job, owner = entry[2][2], entry[2][4]
            if owner ~= '' then redis.call('ZREM', c.p .. 'owner:' .. owner, job) end
            redis.call('DEL', jkey(c, job))
            ids[i] = entry[1]
          end
          redis.call('XDEL', key, unpack(ids))
          -- An empty stream stays a key: drop it, as Redis drops an empty sorted set.
          if redis.call('XLEN', key) == 0 then redis.call('DEL', key) end
          return #entries
        end

        -- Removes up to `limit` oldest entries of an owner index whose jobs are gone (expired while no trim ran),
        -- so the index stays bounded by the jobs retained; O(log n) per entry.
        local function trim_owner(c, index, limit)
          for _, id in ipairs(redis.call('ZRANGE', index, 0, limit - 1)) do
            if redis.call('EXISTS', jkey(c, id)) == 1 then return end
            redis.call('ZREM', index, id)
          end
        end

        -- Ends a job: done, dead (with a reason) or cancelled. It expires after the retention period. A dead job keeps
        -- its hash (a replay runs it again); a done or cancelled one is packed, keeping what reads need.
        -- `from` is the set the job leaves ('active' unless given; false when it is in none).
        local function finish(c, k, id, state, reason, from)
          if from ~= false then redis.call('ZREM', c.p .. (from or 'active'), id) end
          local group = redis.call('HGET', k, 'cap_group')
          if group and group ~= '' then redis.call('SREM', group_key(c, group), id) end
          if state == 'dead' then
            redis.call('HSET', k, 'state', state, 'last_error', reason, 'finished_at', c.now, 'updated_at', c.now)
            redis.call('PEXPIRE', k, c.retention + GRACE_MS)
            redis.call('ZADD', c.p .. state, c.now, id)
            trim_index(c, state, TRIM_ON_ADD)
          else
            local v = redis.call('HMGET', k, 'record', unpack(PACKED_FIELDS))
            local values = {}
            for i, name in ipairs(PACKED_FIELDS) do values[name] = v[i + 1] or '' end
            values.state, values.updated_at = state, fmt(c.now)
            -- SET replaces the hash with one string: about half its bytes (see PackedJob).
            redis.call('SET', k, pack(values, v[1] or nil), 'PX', fmt(c.retention + GRACE_MS))
            redis.call('XADD', log_key(c.p, state), '*', 'job', id, 'owner', values.owner)
            trim_log(c, state, TRIM_ON_ADD)
          end
          event(c, state, id)
        end

        -- With a concurrency cap, a freed slot must wake a waiter when jobs are ready.
        local function slot_freed(c)
          local cap = tonumber(redis.call('HGET', c.p .. 'meta', 'cap') or '0')
          if cap > 0 and redis.call('ZCARD', c.p .. 'ready') > 0 then wake(c) end
        end

        -- The job key when (id, fence) is the current lease, or an error reply.
        local function leased(c, id, fence)
          local k = jkey(c, id)
          local v = redis.pcall('HMGET', k, 'state', 'fence')
          if not v.err and not v[1] then return nil, redis.error_reply('NOJOB job ' .. id .. ' not found') end
          if v.err or v[1] ~= 'active' or v[2] ~= fence then
            return nil, redis.error_reply('STALE lease ' .. fence .. ' of job ' .. id .. ' is stale')
          end
          return k
        end

        local function cancel_requested(k) return redis.call('HGET', k, 'cancel') == '1' end

        -- Expired leases: a stall each; back to ready with the step state, or dead when stalls are exhausted.
        local function reap_expired(c, limit)
          local ids = redis.call('ZRANGEBYSCORE', c.p .. 'active', '-inf', c.now, 'LIMIT', 0, limit)
          for _, id in ipairs(ids) do
            local k = jkey(c, id)
            if redis.call('EXISTS', k) == 0 then
              redis.call('ZREM', c.p .. 'active', id)
            else
              local stalls = redis.call('HINCRBY', k, 'stalls', 1)
              redis.call('HINCRBY', k, 'fence', 1)
              if cancel_requested(k) then
                finish(c, k, id, 'cancelled')
              elseif stalls > tonumber(redis.call('HGET', k, 'max_stalls')) then
                finish(c, k, id, 'dead', 'stalled: the lease expired ' .. stalls .. ' times')
              else
                to_ready(c, k, id)
                event(c, 'stalled', id)
              end
            end
          end
          if #ids > 0 then wake(c) end
          return #ids
        end

        local function promote_due(c, limit)
          local ids = redis.call('ZRANGEBYSCORE', c.p .. 'scheduled', '-inf', c.now, 'LIMIT', 0, limit)
          for _, id in ipairs(ids) do to_ready(c, jkey(c, id), id) end
          return #ids
        end

        -- Deletes finished jobs older than the retention period, with their index entries.
        local function trim(c, limit)
          local n = 0
          for _, index in ipairs({'done', 'dead', 'cancelled'}) do n = n + trim_index(c, index, limit) end
          for _, state in ipairs({'done', 'cancelled'}) do n = n + trim_log(c, state, limit) end
          return n
        end

        -- Earliest time something needs a claimer: a scheduled run-at or a lease deadline; -1 for none.
        local function next_due(c)
          local due = -1
          for _, set in ipairs({'scheduled', 'active'}) do
            local first = redis.call('ZRANGE', c.p .. set, 0, 0, 'WITHSCORES')
            if first[2] then
              local s = tonumber(first[2])
              if due < 0 or s < due then due = s end
            end
          end
          return due
        end

        -- ARGV: id, type, payload, has_record, record|'', owner|'', priority, delay_ms, idem_key|'', fingerprint,
        --       max_attempts, max_polls, max_stalls, deadline_ms|'', backoff_base_ms, backoff_max_ms, cap_group|'',
        --       cap_limit. Returns {'enqueued'|'duplicate'|'conflict', id} or {'full', cap_group}.
        local function enqueue(keys, args)
          local c = ctx(keys, args)
          local id, owner, priority, delay = args[3], args[8], tonumber(args[9]), tonumber(args[10])
          local idem, fingerprint = args[11], args[12]
          if not priority or priority < -1000 or priority > 1000 then
            return redis.error_reply('BADARG priority must be between -1000 and 1000')
          end
          local ik = c.p .. 'idem:' .. idem
          if idem ~= '' then
            local first = redis.call('GET', ik)
            if first then
              local sep = string.find(first, '\n', 1, true)
              local first_id, first_fp = string.sub(first, 1, sep - 1), string.sub(first, sep + 1)
              if first_fp == fingerprint then return {'duplicate', first_id} end
              return {'conflict', first_id}
            end
          end
          local k = jkey(c, id)
          if redis.call('EXISTS', k) == 1 then return redis.error_reply('EXISTS job ' .. id .. ' already exists') end
          local group = args[19] or ''
          if group ~= '' then
            if redis.call('SCARD', group_key(c, group)) >= tonumber(args[20]) then return {'full', group} end
            redis.call('SADD', group_key(c, group), id)
          end
          if idem ~= '' then redis.call('SET', ik, id .. '\n' .. fingerprint, 'NX', 'PX', fmt(c.retention)) end
          local seq = redis.call('HINCRBY', c.p .. 'meta', 'seq', 1)
          local deadline_at = ''
          if args[16] ~= '' then deadline_at = fmt(c.now + tonumber(args[16])) end
          redis.call('HSET', k, 'id', id, 'type', args[4], 'payload', args[5], 'owner', owner, 'priority', priority,
            'seq', seq, 'attempts', 0, 'polls', 0, 'stalls', 0, 'fence', 0, 'cancel', 0, 'step', '', 'last_error', '',
            'max_attempts', args[13], 'max_polls', args[14], 'max_stalls', args[15], 'deadline_ms', args[16],
            'deadline_at', deadline_at, 'backoff_base_ms', args[17], 'backoff_max_ms', args[18],
            'created_at', c.now, 'updated_at', c.now, 'cap_group', group)
          if args[6] == '1' then redis.call('HSET', k, 'record', args[7]) end
          if owner ~= '' then
            trim_owner(c, c.p .. 'owner:' .. owner, TRIM_ON_ADD)
            redis.call('ZADD', c.p .. 'owner:' .. owner, seq, id)
          end
          if delay > 0 then
            to_scheduled(c, k, id, c.now + delay)
          else
            redis.call('HSET', k, 'state', 'ready')
            redis.call('ZADD', c.p .. 'ready', ready_score(priority, seq), id)
          end
          wake(c)
          event(c, 'enqueued', id)
          return {'enqueued', id}
        end

        -- ARGV: worker, max, lease_ms. Returns {now, next_due, id, fence, id, fence, …}; the claimer reads the job
        -- hashes itself (HGETALL, pipelined): moving them through Lua would cost more than the claim.
        local function claim(keys, args)
          local c = ctx(keys, args)
          local worker, max, lease_ms = args[3], tonumber(args[4]), tonumber(args[5])
          reap_expired(c, 100)
          promote_due(c, 1000)
          trim(c, 100)
          local out = {c.now, -1}
          local meta = redis.call('HMGET', c.p .. 'meta', 'paused', 'cap')
          local n = max
          if meta[2] and tonumber(meta[2]) > 0 then
            n = math.min(n, tonumber(meta[2]) - redis.call('ZCARD', c.p .. 'active'))
          end
          if meta[1] == '1' then n = 0 end
          local claimed = 0
          while claimed < n do
            local popped = redis.call('ZPOPMIN', c.p .. 'ready', n - claimed)
            if #popped == 0 then break end
            for i = 1, #popped, 2 do
              local id = popped[i]
              local k = jkey(c, id)
              local v = redis.call('HMGET', k, 'state', 'deadline_at', 'fence')
              if v[1] and v[2] ~= '' and c.now >= tonumber(v[2]) then
                finish(c, k, id, 'dead', 'deadline_exceeded: the job ran past its deadline', false)
              elseif v[1] then
                local until_ms = c.now + lease_ms
                local fence = tonumber(v[3]) + 1
                redis.call('HSET', k, 'state', 'active', 'fence', fence, 'worker', worker, 'lease_until', until_ms,
                  'updated_at', c.now)
                redis.call('ZADD', c.p .. 'active', until_ms, id)
                out[#out + 1] = id
                out[#out + 1] = fence
                claimed = claimed + 1
              end
            end
          end
          -- Others may be waiting with a timeout computed before this call changed the sets: wake one.
          if claimed > 0 and (redis.call('ZCARD', c.p .. 'ready') > 0 or redis.call('ZCARD', c.p .. 'scheduled') > 0) then
            wake(c)
          end
          out[2] = next_due(c)
          return out
        end

        -- Extends a current lease. Returns 1 when a cancel was requested, else 0; or the error reply.
        local function extend(c, id, fence, extend_ms)
          local k, err = leased(c, id, fence)
          if not k then return err end
          local until_ms = c.now + extend_ms
          redis.call('HSET', k, 'lease_until', until_ms, 'updated_at', c.now)
          redis.call('ZADD', c.p .. 'active', until_ms, id)
          return cancel_requested(k) and 1 or 0
        end

        -- ARGV: id, fence, extend_ms. Returns 1 when a cancel was requested, else 0. (Processes older than library
        -- version 9 heartbeat one lease at a time with it.)
        local function heartbeat(keys, args)
          return extend(ctx(keys, args), args[3], args[4], tonumber(args[5]))
        end

        -- ARGV: extend_ms, then (id, fence) repeated. Returns one status per lease: 1 cancel requested, 0 extended,
        -- -1 unknown, -2 stale.
        local function heartbeats(keys, args)
          local c = ctx(keys, args)
          local extend_ms = tonumber(args[3])
          local out = {}
          for i = 4, #args, 2 do
            local status = extend(c, args[i], args[i + 1], extend_ms)
            if type(status) == 'table' then
              status = string.find(status.err, 'NOJOB', 1, true) and -1 or -2
            end
            out[#out + 1] = status
          end
          return out
        end

        -- ARGV: (id, fence, has_record, record) repeated. Returns one status per lease: 1 done, 0 stale, -1 unknown.
        local function complete(keys, args)
          local c = ctx(keys, args)
          local out = {}
          for i = 3, #args, 4 do
            local id, fence = args[i], args[i + 1]
            local k, err = leased(c, id, fence)
            if k then
              if args[i + 2] == '1' then redis.call('HSET', k, 'record', args[i + 3]) end
              finish(c, k, id, 'done')
              out[#out + 1] = 1
            elseif string.find(err.err, 'NOJOB', 1, true) then
              out[#out + 1] = -1
            else
              out[#out + 1] = 0
            end
          end
          slot_freed(c)
          return out
        end

        -- Checkpoints the step state and record of a current lease and reschedules the job after delay_ms (it ends
        -- instead when cancelled or out of polls or time). Returns 'scheduled', 'dead' or 'cancelled'; or the error reply.
        local function snooze_one(c, id, fence, delay_ms, step, has_record, record)
          local k, err = leased(c, id, fence)
          if not k then return err end
          redis.call('HSET', k, 'step', step)
          if has_record == '1' then redis.call('HSET', k, 'record', record) end
          local outcome = 'scheduled'
          local polls = redis.call('HINCRBY', k, 'polls', 1)
          local v = redis.call('HMGET', k, 'max_polls', 'deadline_at')
          if cancel_requested(k) then
            finish(c, k, id, 'cancelled')
            outcome = 'cancelled'
          elseif polls > tonumber(v[1]) then
            finish(c, k, id, 'dead', 'poll_budget_exhausted: ' .. (polls - 1) .. ' polls')
            outcome = 'dead'
          elseif v[2] ~= '' and c.now >= tonumber(v[2]) then
            finish(c, k, id, 'dead', 'deadline_exceeded: the job ran past its deadline')
            outcome = 'dead'
          else
            to_scheduled(c, k, id, c.now + delay_ms)
            wake(c)
          end
          return outcome
        end

        -- ARGV: id, fence, delay_ms, step, has_record, record. Returns 'scheduled', 'dead' or 'cancelled'. (Processes
        -- older than library version 10 snooze one job at a time with it.)
        local function snooze(keys, args)
          local c = ctx(keys, args)
          local outcome = snooze_one(c, args[3], args[4], tonumber(args[5]), args[6], args[7], args[8])
          if type(outcome) == 'table' then return outcome end
          slot_freed(c)
          return outcome
        end

        -- ARGV: (id, fence, delay_ms, step, has_record, record) repeated. Returns one status per lease: 1 done (the
        -- job scheduled, or ended as snooze ends it), -1 unknown, -2 stale.
        local function snoozes(keys, args)
          local c = ctx(keys, args)
          local out = {}
          for i = 3, #args, 6 do
            local outcome = snooze_one(c, args[i], args[i + 1], tonumber(args[i + 2]), args[i + 3], args[i + 4], args[i + 5])
            if type(outcome) == 'table' then
              out[#out + 1] = string.find(outcome.err, 'NOJOB', 1, true) and -1 or -2
            else
              out[#out + 1] = 1
            end
          end
          slot_freed(c)
          return out
        end

        -- ARGV: id, fence, code, message, retryable, retry_after_ms, jitter (0..1), has_record, record, has_step, step.
        -- Returns {'retry', run_at} or {'dead'} or {'cancelled'}.
        local function fail(keys, args)
          local c = ctx(keys, args)
          local id, fence = args[3], args[4]
          local k, err = leased(c, id, fence)
          if not k then return err end
          local reason = args[5] .. ': ' .. args[6]
          if args[10] == '1' then redis.call('HSET', k, 'record', args[11]) end
          if args[12] == '1' then redis.call('HSET', k, 'step', args[13]) end
          local attempts = redis.call('HINCRBY', k, 'attempts', 1)
          redis.call('HSET', k, 'last_error', reason)
          local v = redis.call('HMGET', k, 'max_attempts', 'deadline_at', 'backoff_base_ms', 'backoff_max_ms')
          local out
          if cancel_requested(k) then
            finish(c, k, id, 'cancelled')
            out = {'cancelled'}
          elseif args[7] ~= '1' then
            finish(c, k, id, 'dead', reason)
            out = {'dead'}
          elseif attempts >= tonumber(v[1]) then
            finish(c, k, id, 'dead', 'attempts_exhausted: ' .. attempts .. ' attempts, last ' .. reason)
            out = {'dead'}
          else
            local backoff = math.min(tonumber(v[4]), tonumber(v[3]) * 2 ^ (attempts - 1))
            backoff = backoff / 2 + tonumber(args[9]) * backoff / 2
            backoff = math.max(backoff, tonumber(args[8]))
            local run_at = c.now + math.floor(backoff)
            if v[2] ~= '' and run_at >= tonumber(v[2]) then
              finish(c, k, id, 'dead', 'deadline_exceeded: no time left to retry after ' .. reason)
              out = {'dead'}
            else
              to_scheduled(c, k, id, run_at)
              event(c, 'retrying', id)
              wake(c)
              out = {'retry', run_at}
            end
          end
          slot_freed(c)
          return out
        end

        -- ARGV: id, fence. Back to ready without counting an attempt.
        local function release(keys, args)
          local c = ctx(keys, args)
          local id = args[3]
          local k, err = leased(c, id, args[4])
          if not k then return err end
          if cancel_requested(k) then
            finish(c, k, id, 'cancelled')
          else
            to_ready(c, k, id)
            wake(c)
          end
          return 1
        end

        -- ARGV: id. Returns 'cancelled', 'requested', 'finished' or 'notfound'.
        local function cancel(keys, args)
          local c = ctx(keys, args)
          local id = args[3]
          local k = jkey(c, id)
          local state = job_field(k, 'state')
          if not state then return 'notfound' end
          if state == 'ready' or state == 'scheduled' then
            redis.call('HSET', k, 'cancel', 1)
            finish(c, k, id, 'cancelled', nil, state)
            return 'cancelled'
          end
          if state == 'active' then
            redis.call('HSET', k, 'cancel', 1, 'updated_at', c.now)
            event(c, 'cancel_requested', id)
            return 'requested'
          end
          return 'finished'
        end

        -- ARGV: id. Moves a scheduled job to ready now. Returns 1 when it did.
        local function signal(keys, args)
          local c = ctx(keys, args)
          local id = args[3]
          local k = jkey(c, id)
          if job_field(k, 'state') ~= 'scheduled' then return 0 end
          to_ready(c, k, id)
          wake(c)
          return 1
        end

        -- ARGV: id, fence, record.
        local function update_record(keys, args)
          local c = ctx(keys, args)
          local id = args[3]
          local k, err = leased(c, id, args[4])
          if not k then return err end
          redis.call('HSET', k, 'record', args[5], 'updated_at', c.now)
          event(c, 'progress', id)
          return 1
        end

        -- ARGV: id, record. Only for jobs no worker holds any more.
        local function replace_finished_record(keys, args)
          local c = ctx(keys, args)
          local k = jkey(c, args[3])
          local state, packed = job_field(k, 'state')
          if state ~= 'done' and state ~= 'dead' and state ~= 'cancelled' then return 0 end
          if packed then
            local values = unpack_job(redis.call('GET', k))
            values.updated_at = fmt(c.now)
            redis.call('SET', k, pack(values, args[4]), 'KEEPTTL')
          else
            redis.call('HSET', k, 'record', args[4], 'updated_at', c.now)
          end
          return 1
        end

        -- ARGV: id. Dead → ready with fresh budgets.
        local function replay(keys, args)
          local c = ctx(keys, args)
          local id = args[3]
          local k = jkey(c, id)
          if job_field(k, 'state') ~= 'dead' then return 0 end
          local deadline_ms = redis.call('HGET', k, 'deadline_ms')
          local deadline_at = ''
          if deadline_ms ~= '' then deadline_at = fmt(c.now + tonumber(deadline_ms)) end
          redis.call('PERSIST', k)
          redis.call('ZREM', c.p .. 'dead', id)
          redis.call('HSET', k, 'attempts', 0, 'polls', 0, 'stalls', 0, 'cancel', 0, 'finished_at', '', 'deadline_at', deadline_at)
          local group = redis.call('HGET', k, 'cap_group')
          if group and group ~= '' then redis.call('SADD', group_key(c, group), id) end
          to_ready(c, k, id)
          wake(c)
          event(c, 'replayed', id)
          return 1
        end

        -- ARGV: paused ('1'/'0').
        local function set_paused(keys, args)
          local c = ctx(keys, args)
          redis.call('HSET', c.p .. 'meta', 'paused', args[3])
          if args[3] ~= '1' then wake(c) end
          return 1
        end

        -- ARGV: cap (0 = none).
        local function set_cap(keys, args)
          local c = ctx(keys, args)
          redis.call('HSET', c.p .. 'meta', 'cap', args[3])
          wake(c)
          return 1
        end

        -- Returns {reaped, promoted, trimmed}.
        local function reap(keys, args)
          local c = ctx(keys, args)
          local reaped = reap_expired(c, 1000)
          local promoted = promote_due(c, 1000)
          if promoted > 0 then wake(c) end
          return {reaped, promoted, trim(c, 1000)}
        end

        -- ARGV: owner, after|'', limit, desc ('1'/'0'). Returns {has_more, job fields…}.
        local function owner_page(keys, args)
          local p = keys[1]
          local index = p .. 'owner:' .. args[3]
          local limit = tonumber(args[5])
          local ids
          if args[4] ~= '' then
            local s = redis.call('ZSCORE', index, args[4])
            if not s then return {0} end
            if args[6] == '1' then
              ids = redis.call('ZREVRANGEBYSCORE', index, '(' .. s, '-inf', 'LIMIT', 0, limit + 1)
            else
              ids = redis.call('ZRANGEBYSCORE', index, '(' .. s, '+inf', 'LIMIT', 0, limit + 1)
            end
          elseif args[6] == '1' then
            ids = redis.call('ZREVRANGE', index, 0, limit)
          else
            ids = redis.call('ZRANGE', index, 0, limit)
          end
          local out = {#ids > limit and 1 or 0}
          for i = 1, math.min(#ids, limit) do
            local k = p .. 'job:' .. ids[i]
            local fields = redis.pcall('HGETALL', k)
            if fields.err then
              out[#out + 1] = {'id', ids[i], '\#(PackedJob.pairName)', redis.call('GET', k)}
            elseif #fields > 0 then
              out[#out + 1] = fields
            end
          end
          return out
        end

        -- Returns {ready, scheduled, active, done, dead, cancelled, paused, cap}.
        local function stats(keys, args)
          local p = keys[1]
          local meta = redis.call('HMGET', p .. 'meta', 'paused', 'cap')
          return {redis.call('ZCARD', p .. 'ready'), redis.call('ZCARD', p .. 'scheduled'), redis.call('ZCARD', p .. 'active'),
            redis.call('ZCARD', p .. 'done') + redis.call('XLEN', log_key(p, 'done')), redis.call('ZCARD', p .. 'dead'),
            redis.call('ZCARD', p .. 'cancelled') + redis.call('XLEN', log_key(p, 'cancelled')),
            tonumber(meta[1] or '0'), tonumber(meta[2] or '0')}
        end

        -- ARGV: limit. Most recently dead first.
        local function dead_list(keys, args)
          local p = keys[1]
          local out = {}
          for _, id in ipairs(redis.call('ZREVRANGE', p .. 'dead', 0, tonumber(args[3]) - 1)) do
            local fields = redis.call('HGETALL', p .. 'job:' .. id)
            if #fields > 0 then out[#out + 1] = fields end
          end
          return out
        end

        local function version() return VERSION end

        \#(RedisFunctionSignature.luaArgumentCheck)

        \#(QueueFunction.registrations)
        """#
}
