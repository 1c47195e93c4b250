import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, errorCatalogue, type TErrorCode } from '../errors/catalogue';

// Fastify's own error codes that are the client's fault, mapped onto our catalogue.
const fastifyCodes: Record<string, TErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/**
 * Postgres refuses a value our schemas let through (class 22 "data exception": a NUL byte in text,
 * a number or date out of range). That is the input's fault, so the client gets a 400, not a 500;
 * drizzle may wrap the driver's error, so its cause is looked at too.
 */
function isPostgresDataException(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (name === 'PostgresError' && typeof code === 'string' && code.startsWith('22')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// Postgres cancelled the statement (statement or lock timeout), is shutting down, refuses more
// connections, or the connection failed; and postgres.js's own connection errors.
const UNAVAILABLE_SQLSTATES = /^(57014|55P03|57P0[1-3]|53300|08...)$/;
const UNAVAILABLE_DRIVER_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Postgres is too slow or not there: the client gets a 503 it can show, not a hang or a 500. */
function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (typeof code === 'string') {
      if (name === 'PostgresError' && UNAVAILABLE_SQLSTATES.test(code)) return true;
      if (UNAVAILABLE_DRIVER_CODES.has(code)) return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The one error handler: every failure becomes `{ error: { code, message } }`; 5xx detail stays in the log. */
export const errorHandlerPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(err.status).send(errorBody(err.code, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.status(400).send(errorBody('VALIDATION_FAILED', details));
    }
    const mapped = (err.code && fastifyCodes[err.code]) || undefined;
    if (mapped) return reply.status(errorCatalogue[mapped].status).send(errorBody(mapped));
    if (isPostgresDataException(err)) {
      request.log.warn({ err }, 'input refused by the database');
      return reply.status(400).send(errorBody('VALIDATION_FAILED'));
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err }, 'database unavailable');
      return reply.status(503).send(errorBody('DATABASE_UNAVAILABLE'));
    }
    if (err.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send(errorBody(err.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL'));
  });

  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('NOT_FOUND')));
});
