import type { keyRotationJob } from '../../src/jobs/key-rotation.job';
import { recordAudit } from '../../src/modules/audit/audit.repository';
import { keyringOf } from '../../src/modules/crypto/keyring';
import { rotateEncryptedValues } from '../../src/modules/crypto/key-rotation.service';
import type { TProcessor } from '../processor';

type TPayload = ReturnType<(typeof keyRotationJob)['payload']['parse']>;

/** Safe to run twice: values already on the current key are skipped. */
export const keyRotationProcessor: TProcessor<TPayload> = async (payload, { deps }) => {
  const keyring = keyringOf(deps.config);
  const result = await rotateEncryptedValues(deps.sql, keyring);
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: payload.requestedBy,
      action: 'keys.rotated',
      entityType: 'keyring',
      entityId: keyring.current.id,
      data: { ...result },
    }),
  );
  return result;
};
