import type { TCallEngine, TStep } from './call-engine';
import type { TSimCall, TSimRecording } from './sim-state';
import type { TTwimlNode } from './twiml-parser';
import { newSid } from './sim-ids';
import { monoPcmWav } from '../modules/prompts/pcm-wav';

const RATE = 8000;

/** What a caller "says" when the test gave nothing: two seconds of a 440 Hz tone, 8 kHz WAV. */
export function toneWav(seconds = 2): Buffer {
  return monoPcmWav(RATE, RATE * seconds, (i) =>
    Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * 6000),
  );
}

/** Seconds of sound in a WAV (from its byte rate and `data` size); 1 s when it cannot tell. */
function secondsOf(audio: Buffer): number {
  if (audio.length < 44 || audio.toString('ascii', 0, 4) !== 'RIFF') return 1;
  const byteRate = audio.readUInt32LE(28);
  return byteRate ? Math.max(1, Math.round(audio.readUInt32LE(40) / byteRate)) : 1;
}

/** The RecordingUrl Twilio hands out: the Recording resource's URI without an extension. */
export function recordingUrl(accountSid: string, sid: string): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${sid}`;
}

/**
 * `<Record>` as Twilio plays it: an optional beep, then whatever the caller says (the script's
 * next recording), ended by a `finishOnKey` key ('#', when allowed) or the silence `timeout`,
 * never longer than `maxLength`. The Recording resource then exists (its media fetchable over
 * REST); `recordingStatusCallback` is told it completed; the `action` URL (by default the
 * current document) gets RecordingUrl, RecordingSid, RecordingDuration and Digits. An empty
 * recording makes no request at all: the call goes on with the next verb (Twilio's rule).
 */
export async function runRecord(
  engine: TCallEngine,
  call: TSimCall,
  verb: TTwimlNode,
  docUrl: string,
): Promise<TStep | null> {
  const { attrs } = verb;
  engine.note(call, 'record');
  if (attrs.playBeep !== 'false') engine.note(call, 'beep');
  const spoken = call.script.recordings?.shift() ?? toneWav();
  const maxLength = Number(attrs.maxLength ?? 3600) || 3600;
  const duration = spoken.length === 0 ? 0 : Math.min(secondsOf(spoken), maxLength);
  await engine.sleep(call, duration);
  const finishOnKey = attrs.finishOnKey ?? '1234567890*#';
  const digits = finishOnKey.includes('#') ? '#' : null;
  if (digits === null) await engine.sleep(call, Number(attrs.timeout ?? 5) || 5);
  if (duration === 0) {
    engine.note(call, 'record-empty');
    return null;
  }

  const recording: TSimRecording = {
    sid: newSid('RE'),
    callSid: call.sid,
    duration,
    createdAt: new Date(),
    status: 'completed',
    audio: spoken,
  };
  engine.state.recordings.set(recording.sid, recording);
  const url = recordingUrl(engine.options.accountSid, recording.sid);
  engine.note(call, 'recorded', recording.sid);

  const statusUrl = attrs.recordingStatusCallback;
  const events = (attrs.recordingStatusCallbackEvent ?? 'completed').split(/[\s,]+/);
  if (statusUrl && events.includes('completed'))
    void engine.client
      .post(new URL(statusUrl, docUrl).toString(), {
        AccountSid: engine.options.accountSid,
        CallSid: call.sid,
        RecordingSid: recording.sid,
        RecordingUrl: url,
        RecordingStatus: 'completed',
        RecordingDuration: String(duration),
        RecordingChannels: '1',
        RecordingStartTime: recording.createdAt.toUTCString(),
        RecordingSource: 'RecordVerb',
        ErrorCode: '0',
      })
      .catch(() => {});

  return {
    kind: 'goto',
    url: attrs.action ? new URL(attrs.action, docUrl).toString() : docUrl,
    params: {
      RecordingUrl: url,
      RecordingSid: recording.sid,
      RecordingDuration: String(duration),
      ...(digits ? { Digits: digits } : {}),
    },
  };
}
