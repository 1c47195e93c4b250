import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

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
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
