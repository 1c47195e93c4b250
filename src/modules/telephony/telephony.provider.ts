/**
 * Everything Saiduan asks of the telephony platform. The Twilio implementation uses the real
 * `twilio` client; pointed at the simulator (TWILIO_API_BASE_URL) it needs no Twilio account.
 * Calls are bridged through one conference per call so that hold, transfer, interpreters and
 * supervisor listen/whisper/barge are conference-participant operations.
 */
export type TParticipantOptions = {
  /** `client:<identity>` for the browser softphone or an E.164 number for a mobile. */
  to: string;
  from: string;
  label?: string;
  muted?: boolean;
  /** Listen/whisper: the participant hears the call; coaching makes them heard by this call leg only. */
  coachCallSid?: string;
  /** TwiML URL played to the participant on answer (e.g. the mobile whisper "press 1"). */
  url?: string;
  statusCallback?: string;
  earlyMedia?: boolean;
  beep?: boolean;
  endConferenceOnExit?: boolean;
};

export type TTelephonyProvider = {
  /** Takes one specific caller out of the platform queue and sends them to `url` (TwiML). */
  dequeueToUrl(args: { queueName: string; callSid: string; url: string }): Promise<void>;
  /** Sends a live call to new TwiML. */
  redirectCall(args: { callSid: string; url: string }): Promise<void>;
  createCall(args: {
    to: string;
    from: string;
    url: string;
    statusCallback?: string;
    timeoutSeconds?: number;
  }): Promise<{ callSid: string }>;
  hangupCall(args: { callSid: string }): Promise<void>;
  addParticipant(
    args: { conferenceName: string } & TParticipantOptions,
  ): Promise<{ callSid: string }>;
  updateParticipant(args: {
    conferenceName: string;
    callSid: string;
    muted?: boolean;
    hold?: boolean;
    holdUrl?: string;
    coaching?: boolean;
    coachCallSid?: string;
  }): Promise<void>;
  removeParticipant(args: { conferenceName: string; callSid: string }): Promise<void>;
  sendSms(args: {
    to: string;
    from: string;
    body: string;
    statusCallback?: string;
  }): Promise<{ messageSid: string }>;
  /** Calls currently held in a platform queue (used to rebuild Redis queues after data loss). */
  listQueueMembers(args: {
    queueName: string;
  }): Promise<Array<{ callSid: string; waitTimeSeconds: number; position: number }>>;
};
