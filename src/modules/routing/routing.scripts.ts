import { luaScript } from './lua-script';

/**
 * Atomic routing steps. Every script takes the hash-tagged routing keyspace (routing.keys.ts) as ARGV[1] and works on:
 *   queue:<hotline>            zset of waiting callers (also those under offer): place in line
 *   ready:<hotline>:<language> zset of waiting callers not under offer: what dispatch may offer
 *   caller:<callSid>           hash (one per task): channel, hotline, language, enqueuedAt, score, state, offerId,
 *                              missedBy (csv of counsellors who let its offer ring out), …
 *   agent:<userId>             hash: state, hotlines, languages, idleSince, offerId, callSid,
 *                              chats (how many she holds), capVoice, capChat, callsWhileChatting, …
 *   chatsof:<userId>           set of the chat tasks she holds (a chat leaves her available)
 *   avail                      zset of available counsellors scored by idleSince
 *   avh:<h>, avl:<l>, avx:<h>:<l>  the same, per hotline, per language and per pair (skill
 *                              indexes: dispatch reads only the longest-idle few who fit)
 *   offer:<offerId>, offers    the open offers and their expiry times
 * A caller's score never changes after the first enqueue, so a re-queue keeps the place.
 */
export const routingLuaHelpers = `
local P = ARGV[1]
local function ck(sid) return P .. ':caller:' .. sid end
local function ak(uid) return P .. ':agent:' .. uid end
local function rk(h, l) return P .. ':ready:' .. h .. ':' .. l end
-- Beside each hotline's queue, one set per channel and language scored by arrival: the queue's
-- summary (count and longest wait per channel and language) then costs a few reads, not one per
-- waiting task. Calls keep the keys they had before chats came; chats have their own, so a
-- waiting chat is never counted as a waiting caller.
local function wk(h, l, ch)
  if ch == 'chat' then return P .. ':waitchat:' .. h .. ':' .. l end
  return P .. ':waiting:' .. h .. ':' .. l
end
local function wlk(h, ch)
  if ch == 'chat' then return P .. ':waitchatlangs:' .. h end
  return P .. ':waitlangs:' .. h
end
local function tallyIn(h, l, enq, sid)
  local ch = redis.call('HGET', ck(sid), 'channel') == 'chat' and 'chat' or 'voice'
  redis.call('ZADD', wk(h, l, ch), 'NX', enq, sid)
  redis.call('SADD', wlk(h, ch), l)
end
-- From both channels' tallies: the task's hash may already be gone.
local function tallyOut(h, l, sid)
  for _, ch in ipairs({'voice', 'chat'}) do
    if redis.call('ZREM', wk(h, l, ch), sid) == 1 and redis.call('ZCARD', wk(h, l, ch)) == 0 then
      redis.call('SREM', wlk(h, ch), l)
    end
  end
end
local function makeReady(sid, h, l, score)
  redis.call('ZADD', rk(h, l), 'NX', score, sid)
  redis.call('SADD', P .. ':readyidx', h .. ':' .. l)
end
local function csvList(v)
  local out = {}
  if v then for item in string.gmatch(v, '[^,]+') do out[#out + 1] = item end end
  return out
end
local function csvHas(v, item)
  return v ~= nil and v ~= false and string.find(',' .. v .. ',', ',' .. item .. ',', 1, true) ~= nil
end
-- The skill indexes an available counsellor is listed in, from the skills stored on them.
local function skillKeys(uid)
  local f = redis.call('HMGET', ak(uid), 'hotlines', 'languages')
  local hs, ls = csvList(f[1]), csvList(f[2])
  local keys = {}
  for _, h in ipairs(hs) do
    keys[#keys + 1] = P .. ':avh:' .. h
    for _, l in ipairs(ls) do keys[#keys + 1] = P .. ':avx:' .. h .. ':' .. l end
  end
  for _, l in ipairs(ls) do keys[#keys + 1] = P .. ':avl:' .. l end
  return keys
end
local function availAdd(uid, idleSince)
  redis.call('ZADD', P .. ':avail', idleSince, uid)
  for _, k in ipairs(skillKeys(uid)) do redis.call('ZADD', k, idleSince, uid) end
end
local function availRem(uid)
  redis.call('ZREM', P .. ':avail', uid)
  for _, k in ipairs(skillKeys(uid)) do redis.call('ZREM', k, uid) end
end
-- Room for one more task of the channel: capacity.policy hasRoomFor, mirrored here so an offer
-- is reserved only within it. Only an available counsellor is asked, so she holds no call; her
-- load is the chats she holds. Capacity fields missing: the defaults (1 call, 3 chats).
local function roomFor(uid, channel)
  local f = redis.call('HMGET', ak(uid), 'chats', 'capVoice', 'capChat', 'callsWhileChatting')
  local chats = tonumber(f[1]) or 0
  if channel == 'chat' then return chats < (tonumber(f[3]) or 3) end
  return (tonumber(f[2]) or 1) > 0 and (chats == 0 or f[4] == '1')
end
-- Room for a task of every channel (a free desk): dispatch's reads count only those (candidates).
local function roomForAll(uid) return roomFor(uid, 'chat') and roomFor(uid, 'voice') end
local function agentAvailable(uid, idleSince)
  local a = ak(uid)
  redis.call('HSET', a, 'state', 'available', 'idleSince', idleSince)
  redis.call('HDEL', a, 'reason', 'offerId', 'offerCallSid', 'offerExpiresAt', 'wrapUntil')
  -- Available but full (three chats): she stays out of the indexes until a chat ends.
  if roomFor(uid, 'chat') or roomFor(uid, 'voice') then availAdd(uid, idleSince) end
end
`;

/** Queues the caller (idempotent: a re-queue keeps the place). Returns the caller state, or 'gone'. */
const enqueueLua = `
local function enqueueCaller(sid, h, l, enq, boost, kind, channel)
  -- Hung up before this entry landed (leaveOrMarkGoneScript): never queued.
  if redis.call('EXISTS', P .. ':gone:' .. sid) == 1 then return 'gone' end
  local c = ck(sid)
  redis.call('ZADD', P .. ':queue:' .. h, 'NX', tonumber(enq) - tonumber(boost), sid)
  local score = redis.call('ZSCORE', P .. ':queue:' .. h, sid)
  redis.call('HSETNX', c, 'hotline', h)
  redis.call('HSETNX', c, 'language', l)
  redis.call('HSETNX', c, 'enqueuedAt', enq)
  redis.call('HSETNX', c, 'priorityBoostMs', boost)
  redis.call('HSETNX', c, 'kind', kind)
  redis.call('HSETNX', c, 'channel', channel or 'voice')
  redis.call('HSETNX', c, 'score', score)
  redis.call('HSETNX', c, 'state', 'waiting')
  redis.call('EXPIRE', c, 172800)
  redis.call('SADD', P .. ':hotlines', h)
  local f = redis.call('HMGET', c, 'state', 'hotline', 'language', 'score', 'enqueuedAt')
  tallyIn(h, f[3], f[5], sid)
  if f[1] == 'waiting' then makeReady(sid, f[2], f[3], f[4]) end
  return f[1]
end
`;

/**
 * ARGV: prefix, callSid, hotline, language, enqueuedAt, priorityBoostMs, kind, channel (optional,
 * 'voice'). Returns the caller state, or 'gone'.
 */
export const enqueueScript = luaScript(`${routingLuaHelpers}${enqueueLua}
return enqueueCaller(ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8])
`);

/** Reserves one pair when the caller still waits and the counsellor is still available. */
const reserveOneLua = `
local function reserveOne(sid, uid, oid, exp)
  local c, a = ck(sid), ak(uid)
  local cs = redis.call('HMGET', c, 'state', 'hotline', 'language', 'channel')
  if cs[1] ~= 'waiting' or redis.call('HGET', a, 'state') ~= 'available' then return false end
  if not roomFor(uid, cs[4] or 'voice') then return false end
  redis.call('ZREM', rk(cs[2], cs[3]), sid)
  availRem(uid)
  redis.call('HSET', c, 'state', 'offered', 'offerId', oid, 'offeredTo', uid)
  redis.call('HSET', a, 'state', 'offered', 'offerId', oid, 'offerCallSid', sid, 'offerExpiresAt', exp)
  redis.call('HINCRBY', a, 'offered', 1)
  redis.call('HSET', P .. ':offer:' .. oid, 'callSid', sid, 'userId', uid, 'expiresAt', exp)
  redis.call('EXPIRE', P .. ':offer:' .. oid, 86400)
  redis.call('ZADD', P .. ':offers', exp, oid)
  return true
end
`;

/**
 * ARGV: prefix, now, expiresAt, then (callSid, userId, offerId) triples. Returns, per offer made,
 * its id and the counsellor's hash after the change (supervisors are told without another read).
 */
export const reserveScript = luaScript(`${routingLuaHelpers}${reserveOneLua}
local exp = ARGV[3]
local made = {}
for i = 4, #ARGV, 3 do
  local sid, uid, oid = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if reserveOne(sid, uid, oid, exp) then
    made[#made + 1] = oid
    made[#made + 1] = redis.call('HGETALL', ak(uid))
  end
end
return made
`);

/**
 * The caller just queued, when nobody else is ready to be offered: with a single caller,
 * planOffers (routing.policy) comes down to the head of one skill index — the longest-idle
 * counsellor of the first tier the caller's wait allows (pair; then hotline after
 * relaxLanguageAfterMs; then language after relaxHotlineAfterMs). Decided and reserved in one
 * step, so the first offer costs no dispatch round. With anyone else ready, queue order across
 * callers is the policy's: returns {'ROUND'} and a round decides.
 * Returns {'OK', userId, tier, hotline, language, enqueuedAt, kind, counsellor hash, channel},
 * {'NONE'} (nobody fits now) or {'ROUND'}.
 */
const offerNewcomerLua = `
local function offerNewcomer(sid, now, exp, oid, relaxLanguage, relaxHotline)
  local f = redis.call('HMGET', ck(sid), 'state', 'hotline', 'language', 'enqueuedAt', 'kind', 'missedBy', 'channel')
  if f[1] ~= 'waiting' then return {'NONE'} end
  -- Someone let this caller ring out: the round's policy passes them over, not this shortcut.
  if f[6] then return {'ROUND'} end
  local h, l = f[2], f[3]
  local mine = h .. ':' .. l
  if not redis.call('ZSCORE', rk(h, l), sid) then return {'ROUND'} end
  for _, hl in ipairs(redis.call('SMEMBERS', P .. ':readyidx')) do
    local ready = redis.call('ZCARD', P .. ':ready:' .. hl)
    if ready > ((hl == mine) and 1 or 0) then return {'ROUND'} end
  end
  local waited = now - tonumber(f[4])
  local tiers = {{'exact', P .. ':avx:' .. mine}}
  if waited >= relaxLanguage then tiers[#tiers + 1] = {'any-language', P .. ':avh:' .. h} end
  if waited >= relaxHotline then tiers[#tiers + 1] = {'other-hotline', P .. ':avl:' .. l} end
  for _, tier in ipairs(tiers) do
    while true do
      local head = redis.call('ZRANGE', tier[2], 0, 0)
      if #head == 0 then break end
      local uid = head[1]
      if redis.call('ZSCORE', P .. ':avail', uid) then
        -- The longest idle holds chats and has no room for this channel: a round looks further.
        if not roomFor(uid, f[7] or 'voice') then return {'ROUND'} end
        if not reserveOne(sid, uid, oid, exp) then return {'ROUND'} end
        return {'OK', uid, tier[1], h, l, f[4], f[5] or 'inbound', redis.call('HGETALL', ak(uid)), f[7] or 'voice'}
      end
      redis.call('ZREM', tier[2], uid)
    end
  end
  return {'NONE'}
end
`;

/** ARGV: prefix, callSid, now, expiresAt, offerId, relaxLanguageAfterMs, relaxHotlineAfterMs. */
export const offerNewcomerScript =
  luaScript(`${routingLuaHelpers}${reserveOneLua}${offerNewcomerLua}
return offerNewcomer(ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7]))
`);

/**
 * A new caller's queue entry and first offer in one step: the offer is decided the moment the
 * caller is in line, without a second Redis call (or a second wait in a busy event loop).
 * ARGV: prefix, callSid, hotline, language, enqueuedAt, priorityBoostMs, kind, now, expiresAt,
 * offerId, relaxLanguageAfterMs, relaxHotlineAfterMs, channel (optional, 'voice'). Returns
 * {'GONE'}, or the newcomer reply.
 */
export const enqueueAndOfferScript =
  luaScript(`${routingLuaHelpers}${reserveOneLua}${enqueueLua}${offerNewcomerLua}
local sid = ARGV[2]
if enqueueCaller(sid, ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[13]) == 'gone' then return {'GONE'} end
return offerNewcomer(sid, tonumber(ARGV[8]), ARGV[9], ARGV[10], tonumber(ARGV[11]), tonumber(ARGV[12]))
`);

/**
 * ARGV: prefix, userId, offerId, now. Exactly one accept of an offer succeeds; it returns the
 * call, the counsellor's hash after the change (pushed to supervisors without another read)
 * and the task's channel.
 */
export const acceptScript = luaScript(`${routingLuaHelpers}
local uid, oid, now = ARGV[2], ARGV[3], ARGV[4]
local o = P .. ':offer:' .. oid
local f = redis.call('HMGET', o, 'callSid', 'userId')
if not f[1] or f[2] ~= uid then return {'ERR'} end
local sid = f[1]
local c, a = ck(sid), ak(uid)
local cs = redis.call('HMGET', c, 'state', 'offerId', 'hotline', 'language', 'enqueuedAt', 'kind', 'channel')
local as = redis.call('HMGET', a, 'state', 'offerId')
if cs[1] ~= 'offered' or cs[2] ~= oid or as[1] ~= 'offered' or as[2] ~= oid then return {'ERR'} end
redis.call('HSET', c, 'state', 'connecting', 'connectedTo', uid, 'answeredAt', now)
redis.call('HDEL', c, 'offerId', 'offeredTo')
redis.call('ZREM', P .. ':queue:' .. cs[3], sid)
tallyOut(cs[3], cs[4], sid)
redis.call('HSET', a, 'consecutiveTimeouts', 0)
redis.call('HINCRBY', a, 'answered', 1)
if cs[7] == 'chat' then
  -- A chat is held beside others: she stays available (last in line, so chats spread), and
  -- dispatch counts it against her chat capacity (roomFor) until it ends (endCallScript).
  redis.call('SADD', P .. ':chatsof:' .. uid, sid)
  redis.call('HSET', a, 'chats', redis.call('SCARD', P .. ':chatsof:' .. uid))
  agentAvailable(uid, now)
else
  redis.call('HSET', a, 'state', 'on_call', 'callSid', sid)
  redis.call('HDEL', a, 'offerId', 'offerCallSid', 'offerExpiresAt')
end
redis.call('DEL', o)
redis.call('ZREM', P .. ':offers', oid)
return {'OK', sid, cs[3], cs[4], cs[5], cs[6] or 'inbound', redis.call('HGETALL', a), cs[7] or 'voice'}
`);

/**
 * Ends an offer without an answer. ARGV: prefix, offerId, reason (reject|timeout|disconnect),
 * now, max consecutive time-outs. The caller goes back to ready with the same score; after a
 * time-out the counsellor is noted on the caller (missedBy), and the max-th time-out in a row
 * sets her away with the reason 'missed_calls'.
 * Returns false when the offer was already settled, else {callSid, userId, counsellor state}.
 */
export const releaseScript = luaScript(`${routingLuaHelpers}
local oid, why, now, max = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local o = P .. ':offer:' .. oid
local f = redis.call('HMGET', o, 'callSid', 'userId')
if not f[1] then return false end
redis.call('DEL', o)
redis.call('ZREM', P .. ':offers', oid)
local sid, uid = f[1], f[2]
local c, a = ck(sid), ak(uid)
local cs = redis.call('HMGET', c, 'state', 'offerId', 'hotline', 'language', 'score', 'missedBy')
if cs[1] == 'offered' and cs[2] == oid then
  redis.call('HSET', c, 'state', 'waiting')
  redis.call('HDEL', c, 'offerId', 'offeredTo')
  -- Let ring out: the next offer goes to someone else first (routing.policy planOffers).
  if why == 'timeout' and not csvHas(cs[6], uid) then
    redis.call('HSET', c, 'missedBy', cs[6] and (cs[6] .. ',' .. uid) or uid)
  end
  makeReady(sid, cs[3], cs[4], cs[5])
end
local as = redis.call('HMGET', a, 'state', 'offerId')
local state = as[1] or 'offline'
if as[1] == 'offered' and as[2] == oid then
  local away = false
  if why == 'reject' then
    redis.call('HINCRBY', a, 'rejects', 1)
  elseif why == 'timeout' then
    redis.call('HINCRBY', a, 'timeouts', 1)
    if redis.call('HINCRBY', a, 'consecutiveTimeouts', 1) >= max then away = 'missed_calls' end
  else
    away = 'disconnected'
  end
  if away then
    redis.call('HSET', a, 'state', 'away', 'reason', away)
    redis.call('HDEL', a, 'offerId', 'offerCallSid', 'offerExpiresAt')
    availRem(uid)
    state = 'away'
  else
    agentAvailable(uid, now)
    state = 'available'
  end
end
return {sid, uid, state}
`);

/** Takes the caller out of the queue; see leaveScript. */
const leaveLua = `
local function leaveCaller(sid, hotline)
  local c = ck(sid)
  local cs = redis.call('HMGET', c, 'state', 'hotline', 'language', 'offerId', 'offeredTo')
  if hotline ~= '' then
    redis.call('ZREM', P .. ':queue:' .. hotline, sid)
    for _, ch in ipairs({'voice', 'chat'}) do
      for _, l in ipairs(redis.call('SMEMBERS', wlk(hotline, ch))) do tallyOut(hotline, l, sid) end
    end
  end
  if not cs[1] then return false end
  if cs[1] == 'connecting' or cs[1] == 'connected' then return {cs[1]} end
  redis.call('ZREM', P .. ':queue:' .. cs[2], sid)
  tallyOut(cs[2], cs[3], sid)
  redis.call('ZREM', rk(cs[2], cs[3]), sid)
  redis.call('DEL', c)
  if cs[1] == 'offered' and cs[4] then
    redis.call('DEL', P .. ':offer:' .. cs[4])
    redis.call('ZREM', P .. ':offers', cs[4])
    local as = redis.call('HMGET', ak(cs[5]), 'state', 'offerId', 'idleSince')
    if as[1] == 'offered' and as[2] == cs[4] then agentAvailable(cs[5], as[3] or '0') end
    -- Whoever removed the caller (telephony or routing), every node tells its own sockets.
    redis.call('PUBLISH', P .. ':routing:withdrawn', cs[4] .. ' ' .. cs[5])
    return {cs[1], cs[4], cs[5]}
  end
  return {cs[1]}
end
`;

/**
 * The caller left the queue (hung up, or the platform took them out). ARGV: prefix, callSid,
 * hotline. A pending offer is withdrawn and its counsellor keeps their idle time.
 * Returns {state} or {state, offerId, userId} when an offer was withdrawn; false if unknown.
 */
export const leaveScript = luaScript(`${routingLuaHelpers}${leaveLua}
return leaveCaller(ARGV[2], ARGV[3])
`);

/**
 * The call is over for good (a final status): the caller's entry goes, an offer made for them is
 * withdrawn, and the counsellor who had the call is returned, in one step. ARGV: prefix, callSid.
 * Returns {connectedTo, hotline} ('' when missing) followed by leaveCaller's reply.
 */
export const callEndedScript = luaScript(`${routingLuaHelpers}${leaveLua}
local sid = ARGV[2]
local f = redis.call('HMGET', ck(sid), 'connectedTo', 'hotline')
local left = leaveCaller(sid, f[2] or '')
redis.call('DEL', ck(sid))
return {f[1] or '', f[2] or '', unpack(left or {})}
`);

/**
 * The call is over (a status callback or Twilio's queue result): the caller leaves the queue if
 * they are in it; if not, they are marked gone, so that an incoming webhook's entry still on its
 * way is refused by the enqueue script. One atomic step: an entry lands either before it (and is
 * removed) or after it (and is refused). ARGV: prefix, callSid, hotline, mark seconds.
 * Returns 'absent', or {'left'} followed by leaveCaller's reply.
 */
export const leaveOrMarkGoneScript = luaScript(`${routingLuaHelpers}${leaveLua}
local sid, hotline = ARGV[2], ARGV[3]
if not redis.call('ZSCORE', P .. ':queue:' .. hotline, sid) then
  redis.call('SET', P .. ':gone:' .. sid, '1', 'EX', tonumber(ARGV[4]))
  return 'absent'
end
return {'left', unpack(leaveCaller(sid, hotline) or {})}
`);

/**
 * Puts a caller who was taken out for a bridge back in line with the original score (the
 * counsellor's phone did not answer, or a cold transfer to another hotline/language queue).
 * ARGV: prefix, callSid, hotline ('' keeps), language ('' keeps), by (the counsellor who handed
 * it back, noted in missedBy; '' none). Returns {hotline, language}.
 */
export const requeueScript = luaScript(`${routingLuaHelpers}
local sid = ARGV[2]
local c = ck(sid)
local f = redis.call('HMGET', c, 'hotline', 'language', 'score', 'state', 'enqueuedAt')
if not f[4] or f[4] == 'waiting' or f[4] == 'offered' then return false end
local h = ARGV[3] ~= '' and ARGV[3] or f[1]
local l = ARGV[4] ~= '' and ARGV[4] or f[2]
redis.call('HSET', c, 'state', 'waiting', 'hotline', h, 'language', l)
-- Handed back by a counsellor: offered to her again only if nobody else fits (as a missed offer).
if ARGV[5] and ARGV[5] ~= '' then
  local m = redis.call('HGET', c, 'missedBy')
  redis.call('HSET', c, 'missedBy', m and (m .. ',' .. ARGV[5]) or ARGV[5])
end
redis.call('HDEL', c, 'connectedTo')
redis.call('ZADD', P .. ':queue:' .. h, f[3], sid)
tallyIn(h, l, f[5], sid)
redis.call('SADD', P .. ':hotlines', h)
makeReady(sid, h, l, f[3])
return {h, l}
`);

/**
 * Call-backs wait at their caller's place but are offered only inside the caller's safe time
 * (callback-request.policy): outside it they are 'held' (still in queue:<h>, so the place and
 * the count stay; out of ready:<h>:<l>, so nobody is offered them) with the reason in heldWhy
 * ('not-yet' | 'ended'). safe-from / safe-until are zsets of call-backs by those instants.
 */
const safeTimesLua = `
local function holdCallback(sid, why)
  local f = redis.call('HMGET', ck(sid), 'state', 'hotline', 'language')
  if f[1] ~= 'waiting' then return f[1] end
  redis.call('ZREM', rk(f[2], f[3]), sid)
  redis.call('HSET', ck(sid), 'state', 'held', 'heldWhy', why)
  return 'held'
end
-- A safe time began or ended since the last round: released into ready, or held.
local function settleSafeTimes(now)
  for _, sid in ipairs(redis.call('ZRANGEBYSCORE', P .. ':safe-from', '-inf', now, 'LIMIT', 0, 100)) do
    redis.call('ZREM', P .. ':safe-from', sid)
    local f = redis.call('HMGET', ck(sid), 'state', 'hotline', 'language', 'score', 'heldWhy')
    if f[1] == 'held' and f[5] == 'not-yet' then
      redis.call('HSET', ck(sid), 'state', 'waiting')
      redis.call('HDEL', ck(sid), 'heldWhy')
      makeReady(sid, f[2], f[3], f[4])
    end
  end
  for _, sid in ipairs(redis.call('ZRANGEBYSCORE', P .. ':safe-until', '-inf', now, 'LIMIT', 0, 100)) do
    local state = holdCallback(sid, 'ended')
    -- Under offer or ringing: the offer was made inside the window; a call-back that comes
    -- back in line (her phone did not answer) is held at the next round.
    if state ~= 'offered' and state ~= 'connecting' then redis.call('ZREM', P .. ':safe-until', sid) end
  end
end
`;

/**
 * A waiting caller pressed 1 and chose a call-back: in one step their entry leaves and a
 * call-back task (kind 'callback') takes the very same place (same enqueue time and boost, so the
 * same score), held when the caller's safe time has not begun. An offer made for the caller is
 * withdrawn (the caller is about to hang up). ARGV: prefix, callSid, taskId, safeFrom ('' none),
 * safeUntil ('' none), now. Returns {'OK', hotline, language, score, withdrawnOfferId,
 * withdrawnUserId} or {'NOT-WAITING', state} (being connected, or gone).
 */
export const keepPlaceScript =
  luaScript(`${routingLuaHelpers}${enqueueLua}${leaveLua}${safeTimesLua}
local orig, sid, from, untl, now = ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local f = redis.call('HMGET', ck(orig), 'state', 'hotline', 'language', 'enqueuedAt', 'priorityBoostMs')
if f[1] ~= 'waiting' and f[1] ~= 'offered' then return {'NOT-WAITING', f[1] or ''} end
local left = leaveCaller(orig, f[2]) or {}
if enqueueCaller(sid, f[2], f[3], f[4], f[5], 'callback', 'voice') == 'gone' then return {'NOT-WAITING', 'gone'} end
local c = ck(sid)
if from ~= '' then
  redis.call('HSET', c, 'safeFrom', from)
  redis.call('ZADD', P .. ':safe-from', from, sid)
  if tonumber(from) > now then holdCallback(sid, 'not-yet') end
end
if untl ~= '' then
  redis.call('HSET', c, 'safeUntil', untl)
  redis.call('ZADD', P .. ':safe-until', untl, sid)
  if tonumber(untl) <= now then holdCallback(sid, 'ended') end
end
return {'OK', f[2], f[3], redis.call('HGET', c, 'score'), left[2] or '', left[3] or ''}
`);

/**
 * A held call-back's safe time moved on (its caller's safe hours the next day,
 * callbacks/safe-time-rollover.policy): the new instants are stored and watched, and the task is
 * held 'not-yet' until they begin (released at once when they already have). Its place is kept.
 * ARGV: prefix, taskId, safeFrom, safeUntil, now. Returns the task's state, or 'absent'.
 */
export const moveSafeTimesScript = luaScript(`${routingLuaHelpers}${safeTimesLua}
local sid, from, untl, now = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local c = ck(sid)
local f = redis.call('HMGET', c, 'state', 'hotline', 'language', 'score')
if not f[1] then return 'absent' end
-- Stored as given (a Lua number would print in its own notation).
redis.call('HSET', c, 'safeFrom', ARGV[3], 'safeUntil', ARGV[4])
redis.call('ZADD', P .. ':safe-from', ARGV[3], sid)
redis.call('ZADD', P .. ':safe-until', ARGV[4], sid)
if f[1] == 'held' then
  if from > now then
    redis.call('HSET', c, 'heldWhy', 'not-yet')
  elseif untl > now then
    redis.call('HSET', c, 'state', 'waiting')
    redis.call('HDEL', c, 'heldWhy')
    makeReady(sid, f[2], f[3], f[4])
    return 'waiting'
  end
elseif f[1] == 'waiting' and from > now then
  return holdCallback(sid, 'not-yet')
end
return f[1]
`);

/**
 * What dispatch needs in one consistent read, and no more: per (hotline, language) the first
 * waiting callers of each channel (at most as many as counsellors are available), then, for the hotlines and
 * languages of those C callers, the C longest-idle counsellors of each skill index (pair,
 * hotline, language). The policy hands out at most C counsellors in queue order, so every
 * caller's choice (routing.policy planOffers) lies within those: a round costs O(callers at the
 * head), not O(everyone available). Each counsellor a caller let ring out (missedBy) adds one
 * more per index, so passing them over never hides another who fits. ARGV: prefix.
 * Returns {agents: [uid, idleSince, hotlines, languages, chats, capVoice, capChat,
 * callsWhileChatting]..., callers: [sid, score, hotline, language, enqueuedAt, kind, missedBy,
 * channel]...}.
 */
export const candidatesScript = luaScript(`${routingLuaHelpers}${safeTimesLua}
-- Redis's own clock: every node's round agrees on which safe times have begun or ended.
local t = redis.call('TIME')
settleSafeTimes(tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
local n = redis.call('ZCARD', P .. ':avail')
if n == 0 then return {{}, {}} end
local callers = {}
local missed = 0
local hotlines, languages, pairs_ = {}, {}, {}
-- Per (hotline, language) the first n waiting tasks of each channel: a counsellor holding chats
-- has room for a chat but not a call, so the chats behind n calls must be read too. Past the
-- first n, at most SCAN_AHEAD more entries are read (a bounded cost while calls queue).
local SCAN_AHEAD = 100
for _, hl in ipairs(redis.call('SMEMBERS', P .. ':readyidx')) do
  local key = P .. ':ready:' .. hl
  local per = {voice = 0, chat = 0}
  local from = 0
  while from < n + SCAN_AHEAD and (per.voice < n or per.chat < n) do
    local head = redis.call('ZRANGE', key, from, from + n - 1, 'WITHSCORES')
    if #head == 0 then
      if from == 0 then redis.call('SREM', P .. ':readyidx', hl) end
      break
    end
    for i = 1, #head, 2 do
      local f = redis.call('HMGET', ck(head[i]), 'hotline', 'language', 'enqueuedAt', 'kind', 'missedBy', 'channel')
      local channel = f[6] == 'chat' and 'chat' or 'voice'
      if not f[1] then
        redis.call('ZREM', key, head[i])
      else
        from = from + 1
        if per[channel] < n then
          per[channel] = per[channel] + 1
          callers[#callers + 1] = head[i]
          callers[#callers + 1] = head[i + 1]
          callers[#callers + 1] = f[1]
          callers[#callers + 1] = f[2]
          callers[#callers + 1] = f[3]
          callers[#callers + 1] = f[4] or 'inbound'
          callers[#callers + 1] = f[5] or ''
          callers[#callers + 1] = channel
          if f[5] then missed = missed + #csvList(f[5]) end
          hotlines[f[1]] = true
          languages[f[2]] = true
          pairs_[f[1] .. ':' .. f[2]] = true
        end
      end
    end
  end
end
local count = #callers / 8
if count == 0 then return {{}, callers} end
-- One counsellor per caller, plus one per counsellor a caller must pass over first (missedBy):
-- someone else who fits is always among those read.
local want = count + missed
local agents, seen = {}, {}
-- The first 'want' counsellors of an index who are still available; an entry left behind (it
-- should not happen, but the index must never hide someone) is dropped and the next one read.
local function take(key)
  local valid, from = 0, 0
  while valid < want do
    local ids = redis.call('ZRANGE', key, from, from + want - valid - 1)
    if #ids == 0 then return end
    for _, uid in ipairs(ids) do
      local idle = redis.call('ZSCORE', P .. ':avail', uid)
      if idle then
        -- Someone holding chats may have no room for a call: read, but not counted, so the
        -- 'want' counsellors with room for anything are always among those read.
        if roomForAll(uid) then valid = valid + 1 end
        from = from + 1
        if not seen[uid] then
          seen[uid] = true
          local f = redis.call('HMGET', ak(uid), 'hotlines', 'languages', 'chats', 'capVoice', 'capChat', 'callsWhileChatting')
          agents[#agents + 1] = uid
          agents[#agents + 1] = idle
          agents[#agents + 1] = f[1] or ''
          agents[#agents + 1] = f[2] or ''
          agents[#agents + 1] = f[3] or '0'
          agents[#agents + 1] = f[4] or '1'
          agents[#agents + 1] = f[5] or '3'
          agents[#agents + 1] = f[6] or '0'
        end
      else
        redis.call('ZREM', key, uid)
      end
    end
  end
end
for hl in pairs(pairs_) do take(P .. ':avx:' .. hl) end
for h in pairs(hotlines) do take(P .. ':avh:' .. h) end
for l in pairs(languages) do take(P .. ':avl:' .. l) end
return {agents, callers}
`);

/**
 * Hands a connected call to another counsellor (warm transfer): the target must be available.
 * ARGV: prefix, callSid, from userId, to userId. Returns 1 or false.
 */
export const handOverScript = luaScript(`${routingLuaHelpers}
local sid, from, to = ARGV[2], ARGV[3], ARGV[4]
local c, t = ck(sid), ak(ARGV[4])
if redis.call('HGET', c, 'connectedTo') ~= from then return false end
if redis.call('HGET', t, 'state') ~= 'available' then return false end
availRem(to)
redis.call('HSET', t, 'state', 'on_call', 'callSid', sid)
redis.call('HINCRBY', t, 'answered', 1)
redis.call('HSET', c, 'connectedTo', to)
return 1
`);

/**
 * Moves a waiting caller forward (a supervisor flags a child or imminent danger). The new score
 * is first enqueue time minus the boost; a boost never moves a caller back.
 * ARGV: prefix, callSid, boostMs. Returns the new score or false when the caller is not waiting.
 */
export const prioritiseScript = luaScript(`${routingLuaHelpers}
local sid, boost = ARGV[2], tonumber(ARGV[3])
local c = ck(sid)
local f = redis.call('HMGET', c, 'state', 'hotline', 'language', 'enqueuedAt', 'score')
if f[1] ~= 'waiting' and f[1] ~= 'offered' then return false end
local score = tonumber(f[4]) - boost
if score >= tonumber(f[5]) then return f[5] end
redis.call('HSET', c, 'score', score, 'priorityBoostMs', boost)
redis.call('ZADD', P .. ':queue:' .. f[2], score, sid)
redis.call('ZADD', rk(f[2], f[3]), 'XX', score, sid)
return tostring(score)
`);

/**
 * A hotline's queue summed up inside Redis (one round trip, however long the queue), each channel
 * apart: ARGV: prefix, hotline. Returns {every task in line, calls: {language, count, earliest
 * enqueuedAt, …}, chats: {…}}, languages in alphabetical order.
 */
export const queueViewScript = luaScript(`${routingLuaHelpers}
local h = ARGV[2]
local function lines(ch)
  local langs = redis.call('SMEMBERS', wlk(h, ch))
  table.sort(langs)
  local out = {}
  for _, l in ipairs(langs) do
    local first = redis.call('ZRANGE', wk(h, l, ch), 0, 0, 'WITHSCORES')
    if #first == 0 then
      redis.call('SREM', wlk(h, ch), l)
    else
      out[#out + 1] = l
      out[#out + 1] = redis.call('ZCARD', wk(h, l, ch))
      out[#out + 1] = string.format('%d', tonumber(first[2]))
    end
  end
  return out
end
return {redis.call('ZCARD', P .. ':queue:' .. h), lines('voice'), lines('chat')}
`);
