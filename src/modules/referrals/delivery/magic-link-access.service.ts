import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import { exchangeMagicLink, magicSessionTicket } from './magic-links.repository';

/**
 * The SMS link's token, used once: it becomes a session for its one ticket, and the use is
 * audited. An unknown, used or expired token is MAGIC_LINK_INVALID.
 */
export async function useMagicLink(
  deps: { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY' | 'MAGIC_LINK_TTL_HOURS'> },
  token: string,
  now: Date,
) {
  const exchanged = await exchangeMagicLink(deps.db, token, deps.config.MAGIC_LINK_TTL_HOURS, now);
  if (!exchanged) throw new AppError('MAGIC_LINK_INVALID');
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: null,
      action: 'ticket.magic_link_used',
      entityType: 'ticket',
      entityId: exchanged.ticketId,
    }),
  );
  return exchanged;
}

/** The one ticket a magic-link session reaches; null when the session is unknown or has expired. */
export async function ticketOfMagicSession(db: TDatabase, sessionToken: string, now: Date) {
  return magicSessionTicket(db, sessionToken, now);
}
