import type { TDatabase } from '../../infra/database';
import { keyringFromConfig } from '../crypto/keyring';
import type { TLiveCallContext } from '../voice/conference/live-call.context';
import { callbacksRepository } from './callbacks.repository';
import type { TCallbackDeps } from './callbacks.service';

/** Built once per API node in the composition root. */
export function callbackDeps(ctx: TLiveCallContext, db: TDatabase): TCallbackDeps {
  return { ctx, db, repo: callbacksRepository(db), keyring: keyringFromConfig(ctx.config) };
}
