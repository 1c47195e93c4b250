import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../src/modules/audit/audit.repository';
import taxonomy from '../seed-data/taxonomy.json';
import { categories } from '../schema/reference';

/**
 * Human trafficking, and under it each form of exploitation of the national report
 * (taxonomy.json). A form is also a category by itself: the desk files a contact under the form
 * alone, and a case may name "trafficking" with the form as its subcategory.
 */
export const categoryRows: ReadonlyArray<typeof categories.$inferInsert> = [
  { code: 'trafficking', parentCode: null, labelLo: 'ການຄ້າມະນຸດ', labelEn: 'Human trafficking' },
  ...taxonomy.exploitationForms.map((f) => ({
    code: f.code,
    parentCode: 'trafficking',
    labelLo: f.lo,
    labelEn: f.en,
  })),
];

/** Idempotent: labels follow the file. Also run into the test template (test/support/global-setup.ts). */
export async function seedCategories(db: TDbOrTx): Promise<void> {
  await db
    .insert(categories)
    .values([...categoryRows])
    .onConflictDoUpdate({
      target: categories.code,
      set: { labelLo: sql`excluded.label_lo`, labelEn: sql`excluded.label_en` },
    });
}
