import { runEntryPoint } from '../config/load';
import { onShutdown } from '../infra/shutdown';
import { createSimulator } from './simulator';
import { DEMO_CHAT_HOTLINES } from './sim-chat-services';

// The telephony simulator as its own process (npm start runs it). It signs webhooks with
// TWILIO_AUTH_TOKEN and sends them to PUBLIC_BASE_URL, exactly as Twilio would.
await runEntryPoint(async (config) => {
  const simulator = await createSimulator({
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    serverBaseUrl: config.PUBLIC_BASE_URL,
    allowOrigin: new URL(config.PUBLIC_BASE_URL).origin,
    chatHotlines: DEMO_CHAT_HOTLINES,
  });
  onShutdown(() => simulator.app.close());
  await simulator.app.listen({ host: config.HOST, port: config.SIMULATOR_PORT });
  process.stdout.write(`simulator listening on http://${config.HOST}:${config.SIMULATOR_PORT}\n`);
});
