import type { FastifyPluginAsync } from 'fastify';
import type { TCallEngine } from './call-engine';
import { conferenceByName, joinConference, leaveConference } from './conferences';
import { ring } from './endpoints';
import type { TSimConference } from './sim-state';
import { conferenceJson, pageJson, participantJson } from './twilio-resources';
import { API_PREFIX, bool, form, many, one, pathOf, twilioError } from './rest-support';

type TConfParams = { ConferenceSid: string; CallSid: string };

/** Conferences and Participants: one conference per call makes hold, transfer and coaching participant edits. */
export function restConferencesRoutes(engine: TCallEngine): FastifyPluginAsync {
  const { accountSid } = engine.options;
  return async (app) => {
    app.get(`${API_PREFIX}/Conferences.json`, async (request) => {
      const q = request.query as Record<string, string>;
      const list = [...engine.state.conferences.values()].filter(
        (c) =>
          (!q.FriendlyName || c.friendlyName === q.FriendlyName) &&
          (!q.Status || c.status === q.Status),
      );
      return pageJson(
        'conferences',
        pathOf(request),
        list.map((c) => conferenceJson(accountSid, c)),
      );
    });

    app.get<{ Params: { Sid: string } }>(
      `${API_PREFIX}/Conferences/:Sid.json`,
      async (request, reply) => {
        const conference = engine.state.conferences.get(request.params.Sid);
        if (!conference)
          return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return conferenceJson(accountSid, conference);
      },
    );

    app.post<{ Params: { Sid: string } }>(
      `${API_PREFIX}/Conferences/:Sid.json`,
      async (request, reply) => {
        const conference = engine.state.conferences.get(request.params.Sid);
        if (!conference)
          return twilioError(reply, 404, 20404, 'The requested resource was not found');
        if (one(form(request).Status) === 'completed')
          for (const sid of [...conference.participants.keys()])
            leaveConference(engine, conference, sid);
        return conferenceJson(accountSid, conference);
      },
    );

    app.get<{ Params: { ConferenceSid: string } }>(
      `${API_PREFIX}/Conferences/:ConferenceSid/Participants.json`,
      async (request, reply) => {
        const conference = engine.state.conferences.get(request.params.ConferenceSid);
        if (!conference)
          return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return pageJson(
          'participants',
          pathOf(request),
          [...conference.participants.values()].map((p) =>
            participantJson(accountSid, conference, p),
          ),
        );
      },
    );

    // The path takes a conference SID or, as Twilio allows here, a friendly name (created on demand).
    app.post<{ Params: { ConferenceSid: string } }>(
      `${API_PREFIX}/Conferences/:ConferenceSid/Participants.json`,
      async (request, reply) => {
        const f = form(request);
        const to = one(f.To);
        const from = one(f.From);
        if (!to || !from) return twilioError(reply, 400, 21205, 'To and From are required');
        const conference = conferenceByName(
          engine,
          request.params.ConferenceSid,
          true,
        ) as TSimConference;
        const statusUrl = one(f.StatusCallback);
        const events = many(f.StatusCallbackEvent);
        const leg = engine.newCall({
          from,
          to,
          direction: 'outbound-api',
          statusCallback: statusUrl
            ? { url: statusUrl, events: events.length ? events : ['completed'] }
            : null,
        });
        const options = {
          label: one(f.Label) ?? null,
          muted: bool(f.Muted) ?? false,
          hold: false,
          coaching: bool(f.Coaching) ?? false,
          callSidToCoach: one(f.CallSidToCoach) ?? null,
          endConferenceOnExit: bool(f.EndConferenceOnExit) ?? false,
          startConferenceOnEnter: bool(f.StartConferenceOnEnter) ?? true,
        };
        const pending = {
          ...options,
          callSid: leg.sid,
          status: 'ringing' as const,
          createdAt: new Date(),
        };
        conference.participants.set(leg.sid, pending);
        const { outcome } = ring(engine, {
          target: to,
          from,
          parentCallSid: null,
          timeoutSeconds: Number(one(f.Timeout) ?? 60) || 60,
          child: leg,
        });
        void outcome.then(async (o) => {
          conference.participants.delete(leg.sid);
          if (o !== 'answered') return;
          await joinConference(engine, conference, leg, options);
          engine.hangup(leg);
          await engine.setStatus(leg, 'completed');
        });
        return reply.status(201).send(participantJson(accountSid, conference, pending));
      },
    );

    const participant = (params: TConfParams) => {
      const conference = engine.state.conferences.get(params.ConferenceSid);
      const p = conference?.participants.get(params.CallSid);
      return conference && p ? { conference, p } : null;
    };

    app.get<{ Params: TConfParams }>(
      `${API_PREFIX}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
      async (request, reply) => {
        const found = participant(request.params);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return participantJson(accountSid, found.conference, found.p);
      },
    );

    app.post<{ Params: TConfParams }>(
      `${API_PREFIX}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
      async (request, reply) => {
        const found = participant(request.params);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        const f = form(request);
        const { p } = found;
        p.muted = bool(f.Muted) ?? p.muted;
        p.hold = bool(f.Hold) ?? p.hold;
        p.coaching = bool(f.Coaching) ?? p.coaching;
        p.callSidToCoach = one(f.CallSidToCoach) ?? p.callSidToCoach;
        found.conference.updatedAt = new Date();
        return participantJson(accountSid, found.conference, p);
      },
    );

    app.delete<{ Params: TConfParams }>(
      `${API_PREFIX}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
      async (request, reply) => {
        const found = participant(request.params);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        leaveConference(engine, found.conference, found.p.callSid);
        return reply.status(204).send();
      },
    );
  };
}
