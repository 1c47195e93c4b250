import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';
import { verifyAuditChain } from './audit.repository';

/** The administrator's check of the sealed audit chain: intact, or where it first breaks. */
export async function checkAuditChain(deps: { db: TDatabase; config: Pick<TConfig, 'HMAC_KEY'> }) {
  const result = await verifyAuditChain(deps.db, deps.config);
  return { ...result, intact: result.firstBreak === null };
}
