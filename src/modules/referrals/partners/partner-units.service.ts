import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import {
  partnerUnits,
  type TFocalPoint,
  type TIntakeCriteria,
  type TPartnerHours,
  type TPartnerKind,
} from '../../../../db/schema/partners';
import { organisations } from '../../../../db/schema/reference';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import type { TActor } from '../../auth/actor';
import { encryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import { parseAllowHosts, webhookTargetProblem } from '../delivery/webhook-target.policy';

export type TPartnerUnitInput = {
  organisationKey: string;
  nameLo: string;
  nameEn: string;
  kind: TPartnerKind;
  services: string[];
  provinces: string[];
  languages: string[];
  hours: TPartnerHours;
  intake: TIntakeCriteria;
  focalPoints: TFocalPoint[];
  usesSystem: boolean;
  webhookUrl: string | null;
  /** Write-only: stored encrypted, never returned. */
  webhookSecret?: string | null;
  smsNumbers: string[];
  active: boolean;
};

type TUnitRow = typeof partnerUnits.$inferSelect;

/** A unit as the admin screen shows it: the webhook secret only as "set or not". */
export function unitView(row: TUnitRow) {
  const { webhookSecretEnc, ...rest } = row;
  return { ...rest, webhookSecretSet: !!webhookSecretEnc };
}

export async function listOrganisations(db: TDatabase) {
  return db
    .select({
      key: organisations.key,
      kind: organisations.kind,
      nameLo: organisations.nameLo,
      nameEn: organisations.nameEn,
    })
    .from(organisations)
    .orderBy(asc(organisations.nameEn));
}

export async function listUnits(db: TDatabase) {
  const rows = await db
    .select()
    .from(partnerUnits)
    .orderBy(asc(partnerUnits.organisationKey), asc(partnerUnits.nameEn));
  return rows.map(unitView);
}

function sealSecret(config: TConfig, id: string, secret: string): string {
  return encryptField(
    keyringFromConfig(config),
    { table: 'partner_units', column: 'webhook_secret_enc', rowId: id },
    secret,
  );
}

/** Creates (no id) or changes a unit; audited in the same transaction. */
export async function saveUnit(
  deps: { db: TDatabase; config: TConfig },
  actor: TActor,
  id: string | null,
  input: Partial<TPartnerUnitInput>,
) {
  if (input.webhookUrl) {
    const problem = webhookTargetProblem(
      input.webhookUrl,
      parseAllowHosts(deps.config.PARTNER_WEBHOOK_ALLOW_HOSTS),
    );
    if (problem)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: '/webhookUrl', message: problem }],
      });
  }
  return deps.db.transaction(async (tx) => {
    if (input.organisationKey) {
      const [org] = await tx
        .select({ key: organisations.key })
        .from(organisations)
        .where(eq(organisations.key, input.organisationKey));
      if (!org)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: '/organisationKey', message: 'unknown organisation' }],
        });
    }
    const unitId = id ?? randomUUID();
    const { webhookSecret, ...fields } = input;
    const secret =
      webhookSecret === undefined
        ? {}
        : {
            webhookSecretEnc: webhookSecret ? sealSecret(deps.config, unitId, webhookSecret) : null,
          };
    let row: TUnitRow | undefined;
    if (id) {
      [row] = await tx
        .update(partnerUnits)
        .set({ ...fields, ...secret })
        .where(eq(partnerUnits.id, id))
        .returning();
      if (!row) throw new AppError('NOT_FOUND');
    } else {
      [row] = await tx
        .insert(partnerUnits)
        .values({ ...(fields as TPartnerUnitInput), ...secret, id: unitId })
        .returning();
    }
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'partner.unit_changed',
      entityType: 'partner_unit',
      entityId: unitId,
      data: { created: !id, fields: Object.keys(input).filter((k) => k !== 'webhookSecret') },
    });
    return unitView(row as TUnitRow);
  });
}
