import { io, type Socket } from 'socket.io-client';
import {
  WEBCHAT_ATTACHMENT_PART_BYTES,
  WEBCHAT_NAMESPACE,
  type TWebchatAttachmentType,
} from '../../../src/contracts/webchat-constants';
import type {
  TWebchatAck,
  TWebchatClientToServer,
  TWebchatEndReason,
  TWebchatErrorCode,
  TWebchatHotline,
  TWebchatMessage,
  TWebchatServerToClient,
} from '../../../src/contracts/webchat';

type TSocket = Socket<TWebchatServerToClient, TWebchatClientToServer>;
type TOutcome<T> = { data: T } | { error: TWebchatErrorCode | 'NETWORK' };

export type TConnectionEvents = {
  message: (message: TWebchatMessage) => void;
  ended: (reason: TWebchatEndReason) => void;
  /** The server closed the door (origin, block, a chat that is gone) or cannot be reached. */
  refused: (code: TWebchatErrorCode | 'NETWORK') => void;
  online: (online: boolean) => void;
  /** The counsellor is typing a reply. */
  typing: () => void;
};

const ACK_TIMEOUT_MS = 15_000;
const connectErrors = new Set<string>([
  'WEBCHAT_ORIGIN_REFUSED',
  'WEBCHAT_BLOCKED',
  'WEBCHAT_SESSION_GONE',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'UNAVAILABLE',
]);

/**
 * The page's one socket to the hotline. The chat's token and the last reply seen live only in this
 * closure (never in storage): a dropped connection comes back with them and gets what it missed;
 * a closed page has forgotten them, and its chat ends on the server.
 */
export function openConnection(server: string, hotline: string, on: TConnectionEvents) {
  let token: string | undefined;
  let lastSeq = 0;
  let closed = false;
  const socket: TSocket = io(`${server}${WEBCHAT_NAMESPACE}`, {
    transports: ['websocket'],
    auth: (cb) => cb({ hotline, ...(token ? { token, after: lastSeq } : {}) }),
    reconnectionDelayMax: 10_000,
    withCredentials: false,
  });
  socket.on('connect', () => on.online(true));
  socket.on('connect_error', (err) => {
    // A refusal from the server's door is final; anything else is the network, retried.
    if (connectErrors.has(err.message)) on.refused(err.message as TWebchatErrorCode);
    else if (!socket.active) on.refused('NETWORK');
    else on.online(false);
  });
  socket.on('disconnect', (reason) => {
    if (closed) return;
    on.online(false);
    // The server closed this socket (a block, a node going down): knock once more, and the
    // handshake says whether the chat goes on or why not.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('webchat:message', (message) => {
    if (message.seq <= lastSeq) return;
    lastSeq = message.seq;
    on.message(message);
  });
  socket.on('webchat:ended', ({ reason }) => on.ended(reason));
  socket.on('webchat:typing', () => on.typing());

  async function ask<T>(emit: (ack: (res: TWebchatAck<T>) => void) => void): Promise<TOutcome<T>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ error: 'NETWORK' }), ACK_TIMEOUT_MS);
      emit((res) => {
        clearTimeout(timer);
        resolve(res);
      });
    });
  }

  return {
    hotline: () => ask<TWebchatHotline>((ack) => socket.emit('webchat:hotline', {}, ack)),
    async start(input: { language: string; name: string | null; safeToTalk: boolean }) {
      const res = await ask<{ token: string }>((ack) => socket.emit('webchat:start', input, ack));
      if ('data' in res) token = res.data.token;
      return res;
    },
    send: (id: string, text: string) =>
      ask<{ id: string; at: string; stopped: boolean }>((ack) =>
        socket.emit('webchat:send', { id, text }, ack),
      ),
    /**
     * Sends a file in parts, in order, each answered before the next (a refusal stops it): the
     * answer to the last part says the hotline has it.
     */
    async attach(
      id: string,
      file: { name: string; type: TWebchatAttachmentType; bytes: Uint8Array },
    ) {
      const size = file.bytes.byteLength;
      const parts = Math.ceil(size / WEBCHAT_ATTACHMENT_PART_BYTES);
      let res: TOutcome<{ id: string; done: boolean; at: string | null }> = { error: 'NETWORK' };
      for (let part = 0; part < parts; part++) {
        const bytes = file.bytes.subarray(
          part * WEBCHAT_ATTACHMENT_PART_BYTES,
          (part + 1) * WEBCHAT_ATTACHMENT_PART_BYTES,
        );
        const payload = { id, name: file.name, type: file.type, size, part, parts, bytes };
        res = await ask((ack) => socket.emit('webchat:attach', payload, ack));
        if (!('data' in res)) return res;
      }
      return res;
    },
    /** Tells the counsellor the visitor is typing (the server passes on one every few seconds). */
    typing: () => {
      if (token && socket.connected) socket.emit('webchat:typing', {});
    },
    /**
     * Leaves (the server ends the chat), then forgets everything and closes for good. Resolves
     * once the server has the message, or after `waitMs`: a page that navigates away at once can
     * lose what its socket has not sent yet.
     */
    leave(reason: 'visitor' | 'quick_exit', waitMs = 0): Promise<void> {
      const close = () => this.close();
      if (!token || !socket.connected) {
        close();
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          close();
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        socket.emit('webchat:leave', { reason }, done);
      });
    },
    close() {
      closed = true;
      token = undefined;
      lastSeq = 0;
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
export type TConnection = ReturnType<typeof openConnection>;
