import type { TTwimlNode } from './twiml-parser';

export type TSimCallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

/** What the simulated caller does: digits for each <Gather> in turn ('' = stays silent). */
export type TCallerScript = {
  digits: string[];
  /** Simulated seconds after answer at which the caller hangs up. */
  hangupAfterSeconds?: number;
  /** What the caller says into each `<Record>` in turn (WAV bytes); a short tone when none is left. */
  recordings?: Buffer[];
};

/** A Recording resource (API v2010) made by `<Record>`: its media is fetched over REST. */
export type TSimRecording = {
  sid: string;
  callSid: string;
  duration: number;
  createdAt: Date;
  status: 'completed' | 'deleted';
  audio: Buffer;
};

export type TStatusCallbackOptions = {
  /** Send every status callback twice. */
  duplicate?: boolean;
  /** Deliver callbacks in reverse order of SequenceNumber at the end of the call. */
  outOfOrder?: boolean;
  /** Retries after a failed delivery (network error or 5xx). */
  retries?: number;
};

/**
 * `at`: real time (ms). `heard`: the call's own clock in simulated seconds, advanced only by what
 * the caller sits through (prompts, pauses, gather time-outs): what the caller experiences,
 * whatever the machine's speed.
 */
export type TTranscriptEntry = { at: number; heard: number; verb: string; detail?: string };

export type TSimCall = {
  sid: string;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound-api' | 'outbound-dial';
  status: TSimCallStatus;
  parentCallSid: string | null;
  hotline: string | null;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  script: TCallerScript;
  statusCallback: { url: string; events: string[]; options: TStatusCallbackOptions } | null;
  /** The number's fallback URL, asked when the first TwiML request fails (as Twilio does). */
  fallbackUrl: string | null;
  sequence: number;
  transcript: TTranscriptEntry[];
  /** Simulated seconds the caller has sat through so far (see TTranscriptEntry.heard). */
  heardSeconds: number;
  queueSid: string | null;
  conferenceSid: string | null;
  /** Set by REST (member/call update) before interrupting the current verb. */
  redirect: string | null;
  hangupRequested: boolean;
  /** Aborted to interrupt whatever the call is doing (redirect, hangup, removal). */
  interrupt: AbortController;
  done: Promise<void>;
};

export type TSimQueue = {
  sid: string;
  friendlyName: string;
  maxSize: number;
  createdAt: Date;
  members: Array<{ callSid: string; enqueuedAt: Date }>;
};

export type TSimParticipant = {
  callSid: string;
  label: string | null;
  muted: boolean;
  hold: boolean;
  coaching: boolean;
  callSidToCoach: string | null;
  endConferenceOnExit: boolean;
  startConferenceOnEnter: boolean;
  status: 'queued' | 'connecting' | 'ringing' | 'connected' | 'complete' | 'failed';
  createdAt: Date;
};

export type TSimConference = {
  sid: string;
  friendlyName: string;
  status: 'init' | 'in-progress' | 'completed';
  createdAt: Date;
  updatedAt: Date;
  participants: Map<string, TSimParticipant>;
  endedBy: string | null;
};

export type TSimMessage = {
  sid: string;
  from: string;
  to: string;
  body: string;
  status: 'queued' | 'sent' | 'delivered';
  createdAt: Date;
};

/** A simulated softphone (`client:<identity>`) or mobile (E.164) being rung. */
export type TRing = {
  id: string;
  target: string;
  kind: 'softphone' | 'mobile';
  from: string;
  callSid: string;
  parentCallSid: string | null;
  state: 'ringing' | 'answered' | 'rejected' | 'no-answer' | 'canceled' | 'ended';
  createdAt: Date;
};

export type TSimState = {
  calls: Map<string, TSimCall>;
  queues: Map<string, TSimQueue>;
  conferences: Map<string, TSimConference>;
  messages: Map<string, TSimMessage>;
  rings: Map<string, TRing>;
  recordings: Map<string, TSimRecording>;
  /** Every REST request the server made, for checking against Twilio's API description. */
  requests: Array<{ method: string; path: string; params: Record<string, string> }>;
};

export function emptyState(): TSimState {
  return {
    calls: new Map(),
    queues: new Map(),
    conferences: new Map(),
    messages: new Map(),
    rings: new Map(),
    recordings: new Map(),
    requests: [],
  };
}

export type { TTwimlNode };
