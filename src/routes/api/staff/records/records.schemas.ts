import { z } from 'zod';
import { ZErrorBody } from '../../../error.schema';

// The schemas themselves are contracts (src/contracts/api/records.ts, people.ts), shared with the
// web client; what stays here belongs to the routes alone.

/** Dates leave the API as ISO strings; this turns a row's Date values into them. */
export function jsonDates<T extends Record<string, unknown>>(row: T) {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  ) as {
    [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
  };
}

export const ZId = z.object({ id: z.uuid() });
export const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
};
