import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

// Preloaded into the API process by npm run bench:routing (`--import`): counts what Socket.IO
// writes to the browsers' websockets, per event name, so the bench can print socket messages and
// bytes per caller. It wraps engine.io's websocket transport `send`, the one place every packet
// to a websocket client passes (broadcasts with their pre-encoded frame, single emits, acks,
// pings). Asked over the IPC channel, it answers the running totals. Nothing of this is in the
// API itself.

export type TSocketMeter = {
  type: 'socket-meter';
  messages: number;
  bytes: number;
  byEvent: Record<string, { messages: number; bytes: number }>;
  /** The API's event-loop delay since the last reading (ROUTING_BENCH_API_LAG=1 only), in ms. */
  lag?: { p50: number; p99: number; max: number };
  /**
   * The most websocket writes made in one event-loop turn since the last reading, and the time
   * they took: a loop held that long is an offer decided that much later.
   */
  burst: { writes: number; ms: number };
};

type TPacket = {
  type: string;
  data?: unknown;
  options?: { wsPreEncodedFrame?: Buffer[] };
};

const require = createRequire(import.meta.url);
// By file path: the package does not export its transports, and Socket.IO loads this same file.
const transport = require(
  join(dirname(require.resolve('engine.io')), 'transports', 'websocket.js'),
) as {
  WebSocket: { prototype: { send(packets: TPacket[]): void } };
};

const meter: TSocketMeter = {
  type: 'socket-meter',
  messages: 0,
  bytes: 0,
  byEvent: {},
  burst: { writes: 0, ms: 0 },
};
/** Writes and their time in the current event-loop turn (reset by a setImmediate). */
let turn: { writes: number; ms: number } | null = null;

/** `2["call:offered",…]` → call:offered; `3…` → ack; an engine.io ping → ping. */
function eventOf(packet: TPacket, text: string): string {
  if (packet.type !== 'message') return packet.type;
  const socketIo = /^(\d)(?:\/[^,]*,)?\d*(?:\["([^"]+)")?/.exec(text);
  if (!socketIo) return 'message';
  if (socketIo[1] === '2') return socketIo[2] ?? 'event';
  if (socketIo[1] === '3') return 'ack';
  return `socket.io ${socketIo[1]}`;
}

/** A broadcast's one frame, written to every socket of the room: read once. */
const frames = new WeakMap<Buffer[], { event: string; bytes: number }>();

function describe(packet: TPacket): { event: string; bytes: number } {
  const frame = packet.options?.wsPreEncodedFrame;
  if (frame) {
    let known = frames.get(frame);
    if (!known) {
      // [websocket header, "4" + Socket.IO packet]: the payload is the last part.
      const payload = (frame[frame.length - 1] as Buffer).subarray(1).toString();
      known = { event: eventOf(packet, payload), bytes: 1 + Buffer.byteLength(payload) };
      frames.set(frame, known);
    }
    return known;
  }
  const payload = typeof packet.data === 'string' ? packet.data : '';
  return { event: eventOf(packet, payload), bytes: 1 + Buffer.byteLength(payload) };
}

const send = transport.WebSocket.prototype.send;
transport.WebSocket.prototype.send = function metered(packets: TPacket[]) {
  for (const packet of packets) {
    const { event, bytes } = describe(packet);
    const entry = (meter.byEvent[event] ??= { messages: 0, bytes: 0 });
    entry.messages++;
    entry.bytes += bytes;
    meter.messages++;
    meter.bytes += bytes;
  }
  const started = performance.now();
  try {
    return send.call(this, packets);
  } finally {
    if (!turn) {
      const current = (turn = { writes: 0, ms: 0 });
      setImmediate(() => {
        turn = null;
        if (current.ms > meter.burst.ms) meter.burst = current;
      });
    }
    turn.writes += packets.length;
    turn.ms += performance.now() - started;
  }
};

// ROUTING_BENCH_API_LAG=1: the API's own event-loop delay, sampled every 5 ms (opt-in: the
// sampling timer wakes the API 200 times a second, which the CPU figures would count).
const lag = process.env.ROUTING_BENCH_API_LAG ? monitorEventLoopDelay({ resolution: 5 }) : null;
lag?.enable();

process.on('message', (m: unknown) => {
  if (m !== 'socket-meter') return;
  if (lag) {
    const ms = (ns: number) => ns / 1e6;
    meter.lag = { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) };
    lag.reset();
  }
  process.send?.(meter);
  meter.burst = { writes: 0, ms: 0 };
});
// The channel must not keep the API alive once it shuts down.
process.channel?.unref();
