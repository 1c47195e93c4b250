import type { FastifyPluginAsync } from 'fastify';
import type { TCallEngine } from './call-engine';
import type { TSimRecording } from './sim-state';
import { API_PREFIX, twilioError } from './rest-support';

/** Twilio's dates: RFC 2822 in GMT. */
const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/** The Recording resource (api.v2010.account.recording) as Twilio answers it. */
export function recordingJson(accountSid: string, r: TSimRecording) {
  const uri = `/2010-04-01/Accounts/${accountSid}/Recordings/${r.sid}.json`;
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    call_sid: r.callSid,
    conference_sid: null,
    date_created: rfc2822(r.createdAt),
    date_updated: rfc2822(r.createdAt),
    start_time: rfc2822(r.createdAt),
    duration: String(r.duration),
    sid: r.sid,
    price: null,
    price_unit: 'USD',
    status: r.status,
    channels: 1,
    source: 'RecordVerb',
    error_code: null,
    uri,
    encryption_details: null,
    subresource_uris: {
      add_on_results: uri.replace('.json', '/AddOnResults.json'),
      transcriptions: uri.replace('.json', '/Transcriptions.json'),
    },
    media_url: `https://api.twilio.com${uri.replace('.json', '')}`,
  };
}

/**
 * Recordings made by `<Record>`: `{Sid}.json` is the resource (fetch, delete); `{Sid}.wav`, or
 * the bare `{Sid}` (Twilio's RecordingUrl), is the media itself, as Twilio serves it (WAV).
 * Under /2010-04-01 like all of the REST API, so HTTP Basic auth is required (Twilio's
 * "enforce HTTP auth on media URLs").
 */
export function restRecordingsRoutes(engine: TCallEngine): FastifyPluginAsync {
  const { accountSid } = engine.options;
  const find = (file: string) => {
    const match = /^(RE[0-9a-f]{32})(\.json|\.wav)?$/.exec(file);
    const recording = match ? engine.state.recordings.get(match[1] as string) : undefined;
    return recording && recording.status !== 'deleted'
      ? { recording, ext: match?.[2] ?? '' }
      : null;
  };
  return async (app) => {
    app.get<{ Params: { file: string } }>(
      `${API_PREFIX}/Recordings/:file`,
      async (request, reply) => {
        const found = find(request.params.file);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        if (found.ext === '.json') return recordingJson(accountSid, found.recording);
        return reply.header('content-type', 'audio/x-wav').send(found.recording.audio);
      },
    );
    app.delete<{ Params: { file: string } }>(
      `${API_PREFIX}/Recordings/:file`,
      async (request, reply) => {
        const found = find(request.params.file);
        if (!found || found.ext !== '.json')
          return twilioError(reply, 404, 20404, 'The requested resource was not found');
        found.recording.status = 'deleted';
        return reply.status(204).send();
      },
    );
  };
}
