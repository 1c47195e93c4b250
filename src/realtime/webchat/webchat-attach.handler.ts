import type { TChatInbox } from '../../contracts/chat';
import { ZWebchatAttach, type TWebchatAttach } from '../../contracts/webchat';
import {
  WEBCHAT_ATTACHMENT_MAX_BYTES,
  WEBCHAT_ATTACHMENT_PART_BYTES,
} from '../../contracts/webchat-constants';
import type { TWebchatSession } from '../../modules/webchat/webchat-sessions.repository';
import { webAttachmentRefusal } from '../../modules/webchat/webchat-attachment.policy';
import { isVisitorBlocked } from '../../modules/webchat/webchat-blocks.repository';
import type { TWebchatContext, TWebchatSocket } from './webchat.context';
import { on, Refused } from './webchat-events';

type TUpload = Omit<TWebchatAttach, 'part' | 'bytes'> & { chunks: Buffer[]; received: number };

/**
 * A file the visitor attaches, in parts over her socket. The first part passes the same doors as
 * a message (chat still open, the connection's and the address's budgets, the address not
 * blocked) plus an hourly file budget; the last part's file is checked (size as announced, bytes
 * of the type it claims), held encrypted for the chat module and handed to the inbox as a message
 * with one attachment: from there it is kept like a WhatsApp photo, SHA-256 recorded. One file at
 * a time per connection, parts in order; anything else is refused and the file starts again.
 */
export function webchatAttachHandler(
  socket: TWebchatSocket,
  ctx: TWebchatContext,
  guard: {
    started: () => TWebchatSession;
    inbox: () => TChatInbox;
    budget: { take(now: number): boolean };
  },
): void {
  const { config } = ctx;
  const maxBytes = Math.min(config.CHAT_ATTACHMENT_MAX_BYTES, WEBCHAT_ATTACHMENT_MAX_BYTES);
  let upload: TUpload | null = null;

  async function begin(input: TWebchatAttach, session: TWebchatSession): Promise<TUpload> {
    if (!(await ctx.sessions.byRef(session.ref))) {
      socket.data.session = null;
      throw new Refused('WEBCHAT_ENDED');
    }
    if (input.size > maxBytes) throw new Refused('WEBCHAT_ATTACHMENT_TOO_LARGE');
    if (input.parts !== Math.ceil(input.size / WEBCHAT_ATTACHMENT_PART_BYTES))
      throw new Refused('VALIDATION_FAILED');
    const hash = socket.data.visitorHash;
    if (!guard.budget.take(Date.now())) throw new Refused('RATE_LIMITED');
    if (!(await ctx.limits.hit('message', hash, config.WEBCHAT_MESSAGES_PER_MINUTE, 60_000)))
      throw new Refused('RATE_LIMITED');
    const perHour = config.WEBCHAT_ATTACHMENTS_PER_HOUR;
    if (!(await ctx.limits.hit('attachment', hash, perHour, 3_600_000)))
      throw new Refused('RATE_LIMITED');
    // Blocked while the chat was open on another node: no file gets in after the block.
    if (await isVisitorBlocked(ctx.db, hash, session.hotline)) throw new Refused('WEBCHAT_BLOCKED');
    const { part: _part, bytes: _bytes, ...meta } = input;
    return { ...meta, chunks: [], received: 0 };
  }

  function sameFile(current: TUpload | null, input: TWebchatAttach): current is TUpload {
    return (
      !!current &&
      current.id === input.id &&
      current.type === input.type &&
      current.size === input.size &&
      current.parts === input.parts &&
      current.chunks.length === input.part
    );
  }

  on(socket, ctx, 'webchat:attach', ZWebchatAttach, async (input) => {
    const session = guard.started();
    if (input.part === 0) upload = await begin(input, session);
    const current = upload;
    if (!sameFile(current, input)) {
      upload = null;
      throw new Refused('VALIDATION_FAILED');
    }
    current.chunks.push(Buffer.from(input.bytes));
    current.received += input.bytes.byteLength;
    if (current.received > current.size) {
      upload = null;
      throw new Refused('VALIDATION_FAILED');
    }
    if (input.part < current.parts - 1) return { id: input.id, done: false, at: null };

    upload = null;
    const bytes = Buffer.concat(current.chunks);
    const refusal = webAttachmentRefusal(current, bytes);
    if (refusal) throw new Refused(refusal);
    // Scoped to the conversation, like a message's id: one page's ids never meet another's.
    const ref = `${session.ref}:${current.id}`;
    await ctx.uploads.stage(ref, { type: current.type, bytes });
    const receivedAt = new Date().toISOString();
    await guard.inbox().receive({
      channel: 'web',
      conversationRef: { provider: 'web', ref: session.ref },
      providerMessageId: ref,
      authorAddress: `web:${session.ref}`,
      hotline: session.hotline,
      language: session.language,
      text: '',
      attachments: [
        {
          contentType: current.type,
          sizeBytes: bytes.length,
          filename: current.name,
          providerMediaRef: ref,
          sha256: null,
        },
      ],
      receivedAt,
    });
    await ctx.sessions.touch(session.ref);
    return { id: current.id, done: true, at: receivedAt };
  });
}
