import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { credentialPaths } from './logger';

// The success line goes through a child of the app's logger redacting explicit paths only: the
// app's own redaction walks every wildcard path (`*.From`, `*.*.From`, … about a hundred), which
// cost about 0.1 ms per request at LOG_LEVEL=info, a third of an incoming call's CPU, for a line
// that cannot hold personal data: the request serialised as id, method and path (never the
// query, see logger.ts), the status code and the time taken. Made once per app logger.
const accessLoggers = new WeakMap<FastifyBaseLogger, FastifyBaseLogger>();

function accessLogger(root: FastifyBaseLogger): FastifyBaseLogger {
  let logger = accessLoggers.get(root);
  if (!logger) {
    logger = root.child({}, { redact: { paths: credentialPaths, censor: '[redacted]' } });
    accessLoggers.set(root, logger);
  }
  return logger;
}

/**
 * One access-log line per request, written as it is answered; Fastify's own controller writes a
 * second one as it arrives. Every Twilio webhook is logged, so at a surge that second line was a
 * write and a redaction pass per request that no reader needs: the answered line carries the
 * method, the path (never the query, see logger.ts), the status and the time taken.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    // An error may carry anything: it keeps the app's full redaction.
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else accessLogger(request.server.log).info({ reqId: request.id, ...line }, 'request completed');
  }
}
