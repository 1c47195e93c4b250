import { luaScript } from '../lua-script';
import { routingLuaHelpers } from '../routing.scripts';

/**
 * A counsellor changes their own state. ARGV: prefix, userId, target, reason, hotlines (csv),
 * languages (csv), now, allowed current states (csv, from presence.policy), then optionally her
 * capacity: calls, chats, calls while chatting (1|0).
 * Returns {'OK', state} or {'ERR', current state}.
 */
export const setPresenceScript = luaScript(`${routingLuaHelpers}
local uid, target, reason, hs, ls, now, allowed = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local a = ak(uid)
redis.call('SADD', P .. ':agents', uid)
local cur = redis.call('HGET', a, 'state') or 'offline'
if not string.find(',' .. allowed .. ',', ',' .. cur .. ',', 1, true) then return {'ERR', cur} end
-- Her capacity per channel (capacity.policy), when given: read by roomFor from now on.
if ARGV[9] and ARGV[9] ~= '' then
  redis.call('HSET', a, 'capVoice', ARGV[9], 'capChat', ARGV[10], 'callsWhileChatting', ARGV[11])
end
-- Out of the skill indexes under the old skills, back in under the new ones (they may change).
local idle = redis.call('ZSCORE', P .. ':avail', uid)
availRem(uid)
redis.call('HSET', a, 'hotlines', hs, 'languages', ls, 'seenAt', now)
redis.call('ZREM', P .. ':wrap', uid)
if target == 'available' then
  -- Coming back (from away, a break, wrap-up): the missed offers in a row start again from 0.
  if cur ~= 'available' then
    agentAvailable(uid, now)
    redis.call('HSET', a, 'consecutiveTimeouts', 0)
  elseif roomFor(uid, 'chat') or roomFor(uid, 'voice') then
    -- Still available: keeps her idle time; back in the indexes if a new capacity makes room.
    availAdd(uid, idle or redis.call('HGET', a, 'idleSince') or now)
  end
else
  redis.call('HSET', a, 'state', target)
  redis.call('HDEL', a, 'wrapUntil', 'idleSince')
  if reason ~= '' then redis.call('HSET', a, 'reason', reason) else redis.call('HDEL', a, 'reason') end
end
return {'OK', target}
`);

/**
 * The counsellor's call leg ended, or one of her chats. ARGV: prefix, userId, callSid, outcome (completed|missed),
 * now, wrap-up ms, max consecutive time-outs. A completed call starts wrap-up; a missed bridge
 * (their phone did not answer) counts as a time-out, and the max-th in a row sets them away
 * ('missed_calls'). Returns {new state, counsellor hash} or false.
 */
export const endCallScript = luaScript(`${routingLuaHelpers}
local uid, sid, outcome, now, wrapMs, max = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local a = ak(uid)
local f = redis.call('HMGET', a, 'state', 'callSid')
-- One of the chats she holds ended: no wrap-up (she may hold others); room for one more.
if redis.call('SREM', P .. ':chatsof:' .. uid, sid) == 1 then
  redis.call('HSET', a, 'chats', redis.call('SCARD', P .. ':chatsof:' .. uid))
  if f[1] == 'available' and not redis.call('ZSCORE', P .. ':avail', uid) then
    agentAvailable(uid, now)
  end
  return {f[1] or 'offline', redis.call('HGETALL', a)}
end
if f[1] ~= 'on_call' or f[2] ~= sid then return false end
redis.call('HDEL', a, 'callSid')
if outcome == 'missed' then
  redis.call('HINCRBY', a, 'timeouts', 1)
  if redis.call('HINCRBY', a, 'consecutiveTimeouts', 1) >= max then
    redis.call('HSET', a, 'state', 'away', 'reason', 'missed_calls')
    return {'away', redis.call('HGETALL', a)}
  end
  agentAvailable(uid, now)
  return {'available', redis.call('HGETALL', a)}
end
if wrapMs <= 0 then agentAvailable(uid, now) return {'available', redis.call('HGETALL', a)} end
redis.call('HSET', a, 'state', 'wrap_up', 'wrapUntil', now + wrapMs)
redis.call('ZADD', P .. ':wrap', now + wrapMs, uid)
return {'wrap_up', redis.call('HGETALL', a)}
`);

/** ARGV: prefix, userId, now. Wrap-up over (timer or the counsellor ended it): available again. */
export const endWrapUpScript = luaScript(`${routingLuaHelpers}
local uid, now = ARGV[2], ARGV[3]
redis.call('ZREM', P .. ':wrap', uid)
if redis.call('HGET', ak(uid), 'state') ~= 'wrap_up' then return false end
agentAvailable(uid, now)
return 'available'
`);

/**
 * A counsellor starts an outbound call (a call-back): busy from now on. ARGV: prefix, userId,
 * callSid, allowed current states (csv). Returns 1 or false.
 */
export const claimForCallScript = luaScript(`${routingLuaHelpers}
local uid, sid, allowed = ARGV[2], ARGV[3], ARGV[4]
local a = ak(uid)
local cur = redis.call('HGET', a, 'state') or 'offline'
if not string.find(',' .. allowed .. ',', ',' .. cur .. ',', 1, true) then return false end
redis.call('SADD', P .. ':agents', uid)
availRem(uid)
redis.call('ZREM', P .. ':wrap', uid)
redis.call('HSET', a, 'state', 'on_call', 'callSid', sid)
redis.call('HDEL', a, 'reason', 'wrapUntil')
return 1
`);

/**
 * The presence heartbeat of one node, in one step: marks the counsellors connected to it as seen
 * now, and returns who looks abandoned: in one of the given states (those a lost connection
 * releases) and seen by no node since the cutoff (their node crashed). Done in Redis so a node
 * with a thousand counsellors does not read back a thousand hashes every few seconds (a stall its
 * callers would wait out). ARGV: prefix, now, cutoff, states (csv), then the user ids connected here.
 */
export const heartbeatScript = luaScript(`${routingLuaHelpers}
local now, cutoff, states = ARGV[2], tonumber(ARGV[3]), ',' .. ARGV[4] .. ','
for i = 5, #ARGV do redis.call('HSET', ak(ARGV[i]), 'seenAt', now) end
local stale = {}
for _, uid in ipairs(redis.call('SMEMBERS', P .. ':agents')) do
  local f = redis.call('HMGET', ak(uid), 'state', 'seenAt')
  local releases = f[1] and string.find(states, ',' .. f[1] .. ',', 1, true)
  if releases and (tonumber(f[2]) or 0) < cutoff then
    stale[#stale + 1] = uid
  end
end
return stale
`);

/**
 * Her capacity per channel changed (an administrator or supervisor set it): applied at once to a
 * signed-in counsellor, so dispatch need not wait for her next change of presence. Available,
 * she is taken out of the skill indexes and put back only if the new capacity leaves room (her
 * idle time kept). ARGV: prefix, userId, calls, chats, calls while chatting (1|0).
 * Returns her state, or false when she is not signed in (her next presence reads it).
 */
export const setCapacityScript = luaScript(`${routingLuaHelpers}
local uid = ARGV[2]
local a = ak(uid)
local cur = redis.call('HGET', a, 'state')
if not cur or cur == 'offline' then return false end
redis.call('HSET', a, 'capVoice', ARGV[3], 'capChat', ARGV[4], 'callsWhileChatting', ARGV[5])
if cur == 'available' then
  local idle = redis.call('ZSCORE', P .. ':avail', uid) or redis.call('HGET', a, 'idleSince') or '0'
  availRem(uid)
  if roomFor(uid, 'chat') or roomFor(uid, 'voice') then availAdd(uid, idle) end
end
return cur
`);
