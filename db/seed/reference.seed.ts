import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TDatabase } from '../../src/infra/database';
import {
  consentRequirements,
  organisations,
  provinces,
  serviceKinds,
  specialEconomicZones,
  taxonomyTerms,
} from '../schema/index';
import { defaultConsentRequirements } from '../../src/contracts/consent-requirements';
import { seedCategories } from './categories.seed';

type TLabelled = { code: string; lo?: string; en: string };

function readSeed<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../seed-data/${file}`, import.meta.url), 'utf8')) as T;
}

/** Loads provinces, organisations and taxonomy from db/seed-data (copied from shared/reference). Idempotent. */
export async function seedReference(db: TDatabase): Promise<void> {
  const geo = readSeed<{
    provinces: TLabelled[];
    specialEconomicZones: Array<TLabelled & { province: string }>;
  }>('provinces.json');
  const orgs = readSeed<{
    organisations: Array<{ key: string; kind: string; lo: string; en: string; does: string }>;
  }>('organisations.json');
  const taxonomy = readSeed<Record<string, unknown>>('taxonomy.json');
  const services = readSeed<{
    serviceKinds: Array<{ code: string; lo: string; en: string; partnerKinds: string[] }>;
  }>('service-kinds.json');

  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(geo.provinces.map((p) => ({ code: p.code, nameLo: p.lo ?? p.en, nameEn: p.en })))
      .onConflictDoUpdate({
        target: provinces.code,
        set: { nameLo: sql`excluded.name_lo`, nameEn: sql`excluded.name_en` },
      });
    await tx
      .insert(specialEconomicZones)
      .values(
        geo.specialEconomicZones.map((z) => ({
          code: z.code,
          provinceCode: z.province,
          nameLo: z.lo ?? z.en,
          nameEn: z.en,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(organisations)
      .values(
        orgs.organisations.map((o) => ({
          key: o.key,
          kind: o.kind,
          nameLo: o.lo,
          nameEn: o.en,
          does: o.does,
        })),
      )
      .onConflictDoNothing();
    const terms = Object.entries(taxonomy)
      .filter(([, v]) => Array.isArray(v) && typeof (v as unknown[])[0] === 'object')
      .flatMap(([kind, list]) =>
        (list as TLabelled[]).map((t) => ({
          kind,
          code: t.code,
          labelLo: t.lo ?? null,
          labelEn: t.en,
        })),
      );
    await tx.insert(taxonomyTerms).values(terms).onConflictDoNothing();
    await seedCategories(tx);
    // Version 1 of each kind's consent requirement; an administrator's later versions stay.
    await tx
      .insert(consentRequirements)
      .values(defaultConsentRequirements.map((r) => ({ ...r, version: 1 })))
      .onConflictDoNothing();
    // The catalogue follows the file: labels and the partner kinds offering a service update.
    await tx
      .insert(serviceKinds)
      .values(
        services.serviceKinds.map((k, sort) => ({
          code: k.code,
          labelLo: k.lo,
          labelEn: k.en,
          partnerKinds: k.partnerKinds,
          sort,
        })),
      )
      .onConflictDoUpdate({
        target: serviceKinds.code,
        set: {
          labelLo: sql`excluded.label_lo`,
          labelEn: sql`excluded.label_en`,
          partnerKinds: sql`excluded.partner_kinds`,
          sort: sql`excluded.sort`,
        },
      });
  });
}
