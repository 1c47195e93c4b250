import { createHash } from 'node:crypto';
import type { TChatChannel } from '../contracts/chat';

export type TSimChatService = {
  hotline: string;
  serviceSid: string;
  /** The hotline's address per channel: what a simulated user writes to. */
  addresses: Record<Exclude<TChatChannel, 'web'>, string>;
};

/**
 * The Conversations service the simulator delivers a hotline's chats through. Deterministic, so
 * the demo seed and the tests configure the server with the very SIDs the simulator uses.
 */
export function simChatService(hotline: string, phoneNumber: string): TSimChatService {
  const hex = createHash('sha256').update(`saiduan-sim-chat-${hotline}`).digest('hex');
  return {
    hotline,
    serviceSid: `IS${hex.slice(0, 32)}`,
    addresses: {
      whatsapp: `whatsapp:${phoneNumber}`,
      messenger: `messenger:${hex.slice(32, 47).replace(/[a-f]/g, '1')}`,
      sms: phoneNumber,
    },
  };
}

/** The demo hotlines' numbers (db/seed/demo.seed.ts): their chat services in `npm start`. */
export const DEMO_CHAT_HOTLINES: Record<string, string> = {
  '1362': '+85621136200',
  '1554': '+85621155400',
  '1512': '+85621151200',
};
