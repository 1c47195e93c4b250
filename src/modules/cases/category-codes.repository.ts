import { inArray } from 'drizzle-orm';
import { categories } from '../../../db/schema/reference';
import { AppError } from '../../errors/catalogue';
import type { TDbOrTx } from '../audit/audit.repository';
import { categoryProblem, type TCategoryChoice } from './category-codes.policy';

/**
 * Refuses (400 UNKNOWN_CODE, the field named) a category or subcategory the categories table
 * does not hold, or a subcategory of another category. One query for both codes; none when
 * neither is given.
 */
export async function assertKnownCategory(db: TDbOrTx, choice: TCategoryChoice): Promise<void> {
  const codes = [choice.categoryCode, choice.subcategoryCode].filter((c): c is string => !!c);
  if (codes.length === 0) return;
  const rows = await db
    .select({ code: categories.code, parentCode: categories.parentCode })
    .from(categories)
    .where(inArray(categories.code, codes));
  const field = categoryProblem(choice, new Map(rows.map((r) => [r.code, r.parentCode])));
  if (field) throw new AppError('UNKNOWN_CODE', { details: { field } });
}
