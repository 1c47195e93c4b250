import { Call, Device } from '@twilio/voice-sdk';
import { statusHolder, type TSoftphone } from './softphone';

/** Production: the Twilio Voice SDK registered with an access token from the API. */
export function twilioSoftphone(fetchToken: () => Promise<string>): TSoftphone {
  const status = statusHolder('starting');
  let device: Device | null = null;
  let active: Call | null = null;

  return {
    kind: 'twilio',
    status: status.get,
    onStatus: status.on,
    start: async () => {
      device = new Device(await fetchToken(), { closeProtection: true });
      device.on('registered', () => status.set('ready'));
      device.on('error', () => status.set('failed'));
      device.on('tokenWillExpire', () => {
        void fetchToken().then((token) => device?.updateToken(token));
      });
      device.on('incoming', (call: Call) => {
        active = call;
        status.set('ringing');
        call.on('accept', () => status.set('connected'));
        call.on('disconnect', () => {
          active = null;
          status.set('ready');
        });
        call.accept();
      });
      await device.register();
    },
    setMuted: (muted) => active?.mute(muted),
    disconnect: () => active?.disconnect(),
    stop: () => {
      device?.destroy();
      device = null;
    },
  };
}
