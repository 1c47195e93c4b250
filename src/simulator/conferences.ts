import type { TCallEngine } from './call-engine';
import { newSid } from './sim-ids';
import type { TSimCall, TSimConference, TSimParticipant } from './sim-state';

const leaveHooks = new Map<string, () => void>();

export function conferenceByName(
  engine: TCallEngine,
  nameOrSid: string,
  create: boolean,
): TSimConference | null {
  const bySid = engine.state.conferences.get(nameOrSid);
  if (bySid) return bySid;
  for (const c of engine.state.conferences.values())
    if (c.friendlyName === nameOrSid && c.status !== 'completed') return c;
  if (!create) return null;
  const conference: TSimConference = {
    sid: newSid('CF'),
    friendlyName: nameOrSid,
    status: 'init',
    createdAt: new Date(),
    updatedAt: new Date(),
    participants: new Map(),
    endedBy: null,
  };
  engine.state.conferences.set(conference.sid, conference);
  return conference;
}

/** Puts a live call into a conference; resolves when it leaves (removed, conference over, hung up). */
export function joinConference(
  engine: TCallEngine,
  conference: TSimConference,
  call: TSimCall,
  options: Partial<
    Pick<
      TSimParticipant,
      | 'label'
      | 'muted'
      | 'hold'
      | 'coaching'
      | 'callSidToCoach'
      | 'endConferenceOnExit'
      | 'startConferenceOnEnter'
    >
  >,
): Promise<void> {
  const participant: TSimParticipant = {
    callSid: call.sid,
    label: options.label ?? null,
    muted: options.muted ?? false,
    hold: options.hold ?? false,
    coaching: options.coaching ?? false,
    callSidToCoach: options.callSidToCoach ?? null,
    endConferenceOnExit: options.endConferenceOnExit ?? false,
    startConferenceOnEnter: options.startConferenceOnEnter ?? true,
    status: 'connected',
    createdAt: new Date(),
  };
  conference.participants.set(call.sid, participant);
  if (participant.startConferenceOnEnter) conference.status = 'in-progress';
  conference.updatedAt = new Date();
  call.conferenceSid = conference.sid;
  engine.note(call, 'conference', conference.friendlyName);
  return new Promise<void>((resolve) => {
    const leave = () => {
      leaveHooks.delete(call.sid);
      resolve();
    };
    leaveHooks.set(call.sid, leave);
    void engine.interrupted(call).then(() => leaveConference(engine, conference, call.sid));
  });
}

/** A participant leaves; the last one, or one with endConferenceOnExit, ends the conference. */
export function leaveConference(
  engine: TCallEngine,
  conference: TSimConference,
  callSid: string,
): void {
  const participant = conference.participants.get(callSid);
  if (!participant) return;
  conference.participants.delete(callSid);
  conference.updatedAt = new Date();
  const call = engine.state.calls.get(callSid);
  if (call) call.conferenceSid = null;
  leaveHooks.get(callSid)?.();
  if (participant.endConferenceOnExit || conference.participants.size === 0) {
    conference.status = 'completed';
    conference.endedBy = participant.endConferenceOnExit ? callSid : null;
    for (const other of [...conference.participants.keys()])
      leaveConference(engine, conference, other);
  }
}
