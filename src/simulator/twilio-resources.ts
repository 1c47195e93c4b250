import { rfc2822 } from './sim-ids';
import type {
  TSimCall,
  TSimConference,
  TSimMessage,
  TSimParticipant,
  TSimQueue,
} from './sim-state';

// JSON shapes of Twilio's 2010-04-01 API for the resources the server uses. Every property of
// Twilio's schema is present (null where the simulator has nothing to say).

const API = '2010-04-01';
const base = (accountSid: string) => `/${API}/Accounts/${accountSid}`;

export function callJson(accountSid: string, c: TSimCall) {
  const uri = `${base(accountSid)}/Calls/${c.sid}`;
  const duration =
    c.startedAt && c.endedAt ? String(Math.round((+c.endedAt - +c.startedAt) / 1000)) : null;
  return {
    sid: c.sid,
    date_created: rfc2822(c.createdAt),
    date_updated: rfc2822(c.endedAt ?? c.startedAt ?? c.createdAt),
    parent_call_sid: c.parentCallSid,
    account_sid: accountSid,
    to: c.to,
    to_formatted: c.to,
    from: c.from,
    from_formatted: c.from,
    phone_number_sid: null,
    status: c.status,
    start_time: rfc2822(c.startedAt),
    end_time: rfc2822(c.endedAt),
    duration,
    price: null,
    price_unit: 'USD',
    direction: c.direction,
    answered_by: null,
    api_version: API,
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `${uri}.json`,
    subresource_uris: {
      notifications: `${uri}/Notifications.json`,
      recordings: `${uri}/Recordings.json`,
      events: `${uri}/Events.json`,
    },
  };
}

export function queueJson(accountSid: string, q: TSimQueue, now: Date) {
  const waits = q.members.map((m) => (+now - +m.enqueuedAt) / 1000);
  return {
    date_updated: rfc2822(q.createdAt),
    current_size: q.members.length,
    friendly_name: q.friendlyName,
    uri: `${base(accountSid)}/Queues/${q.sid}.json`,
    account_sid: accountSid,
    average_wait_time: waits.length
      ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length)
      : 0,
    sid: q.sid,
    date_created: rfc2822(q.createdAt),
    max_size: q.maxSize,
  };
}

export function memberJson(accountSid: string, q: TSimQueue, callSid: string, now: Date) {
  const index = q.members.findIndex((m) => m.callSid === callSid);
  const member = q.members[index];
  return {
    call_sid: callSid,
    date_enqueued: rfc2822(member?.enqueuedAt),
    position: index + 1,
    uri: `${base(accountSid)}/Queues/${q.sid}/Members/${callSid}.json`,
    wait_time: member ? Math.round((+now - +member.enqueuedAt) / 1000) : 0,
    queue_sid: q.sid,
  };
}

export function conferenceJson(accountSid: string, c: TSimConference) {
  const uri = `${base(accountSid)}/Conferences/${c.sid}`;
  return {
    account_sid: accountSid,
    date_created: rfc2822(c.createdAt),
    date_updated: rfc2822(c.updatedAt),
    api_version: API,
    friendly_name: c.friendlyName,
    region: 'us1',
    sid: c.sid,
    status: c.status,
    uri: `${uri}.json`,
    subresource_uris: {
      participants: `${uri}/Participants.json`,
      recordings: `${uri}/Recordings.json`,
    },
    reason_conference_ended:
      c.status === 'completed'
        ? c.endedBy
          ? 'participant-with-end-conference-on-exit-left'
          : 'last-participant-left'
        : null,
    call_sid_ending_conference: c.endedBy,
  };
}

export function participantJson(accountSid: string, c: TSimConference, p: TSimParticipant) {
  return {
    account_sid: accountSid,
    call_sid: p.callSid,
    label: p.label,
    call_sid_to_coach: p.callSidToCoach,
    coaching: p.coaching,
    conference_sid: c.sid,
    date_created: rfc2822(p.createdAt),
    date_updated: rfc2822(p.createdAt),
    end_conference_on_exit: p.endConferenceOnExit,
    muted: p.muted,
    hold: p.hold,
    start_conference_on_enter: p.startConferenceOnEnter,
    status: p.status,
    queue_time: '0',
    uri: `${base(accountSid)}/Conferences/${c.sid}/Participants/${p.callSid}.json`,
  };
}

export function messageJson(accountSid: string, m: TSimMessage) {
  const uri = `${base(accountSid)}/Messages/${m.sid}`;
  return {
    body: m.body,
    num_segments: '1',
    direction: 'outbound-api',
    from: m.from,
    to: m.to,
    date_updated: rfc2822(m.createdAt),
    price: null,
    error_message: null,
    uri: `${uri}.json`,
    account_sid: accountSid,
    num_media: '0',
    status: m.status,
    messaging_service_sid: null,
    sid: m.sid,
    date_sent: rfc2822(m.createdAt),
    date_created: rfc2822(m.createdAt),
    error_code: null,
    price_unit: 'USD',
    api_version: API,
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
  };
}

/** Twilio's list envelope: one page holding everything (the simulator never has many). */
export function pageJson(key: string, path: string, items: unknown[]) {
  return {
    [key]: items,
    end: Math.max(0, items.length - 1),
    first_page_uri: `${path}?PageSize=50&Page=0`,
    next_page_uri: null,
    page: 0,
    page_size: 50,
    previous_page_uri: null,
    start: 0,
    uri: `${path}?PageSize=50&Page=0`,
  };
}
