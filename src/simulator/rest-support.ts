import type { FastifyReply, FastifyRequest } from 'fastify';

export type TForm = Record<string, string | string[] | undefined>;

export const API_PREFIX = '/2010-04-01/Accounts/:AccountSid';

/** Twilio's error body, e.g. 20404 not found. */
export function twilioError(reply: FastifyReply, status: number, code: number, message: string) {
  return reply.status(status).send({
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
export const many = (v: string | string[] | undefined) =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
export const bool = (v: string | string[] | undefined) =>
  one(v) === undefined ? undefined : one(v) === 'true';

export function form(request: FastifyRequest): TForm {
  return (request.body && typeof request.body === 'object' ? request.body : {}) as TForm;
}

export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
