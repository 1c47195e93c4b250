import fp from 'fastify-plugin';
import { createCallLifecycle, type TCallLifecycle } from '../voice/call-lifecycle.events';
import type { TTelephonyProvider } from './telephony.provider';
import { twilioProvider } from './twilio.provider';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    callLifecycle: TCallLifecycle;
    /** Twilio (or the simulator, through TWILIO_API_BASE_URL). */
    telephony: TTelephonyProvider;
  }
}

/** Decorates the root app with `callLifecycle` and the `telephony` provider (before the routes). */
export const telephonyPlugin = fp(
  async (app) => {
    app.decorate(
      'callLifecycle',
      createCallLifecycle((event, err) =>
        app.log.error({ event, err }, 'call lifecycle listener failed'),
      ),
    );
    app.decorate('telephony', twilioProvider(app.deps.config));
  },
  { name: 'telephony' },
);
