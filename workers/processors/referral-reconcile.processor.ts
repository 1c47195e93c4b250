import { reconcileOutbox } from '../../src/modules/referrals/followups/reconcile.service';
import type { TProcessor } from '../processor';

export const referralReconcileProcessor: TProcessor<Record<string, never>> = async (
  _payload,
  { deps },
) => reconcileOutbox(deps, new Date());
