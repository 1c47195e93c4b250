import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';

export const importKinds = ['cases', 'people', 'contacts', 'referrals', 'service_events'] as const;
export type TImportKind = (typeof importKinds)[number];

const ZBatch = z.object({
  id: z.string(),
  kind: z.enum(importKinds),
  status: z.string(),
  totalRows: z.number(),
  processedRows: z.number(),
  importedRows: z.number(),
  duplicateRows: z.number(),
  skippedRows: z.number(),
  errors: z.array(
    z.object({ row: z.number(), columnLabel: z.string().nullable(), reason: z.string() }),
  ),
});
export type TImportBatch = z.infer<typeof ZBatch>;

export const templateUrl = (kind: TImportKind, format: 'csv' | 'xlsx') =>
  `/api/staff/admin/imports/template/${kind}?format=${format}`;

/** The file itself is the body (CSV or XLSX); the answer is the new batch's id. */
export async function uploadImport(kind: TImportKind, hotline: string, file: File) {
  const type = file.name.toLowerCase().endsWith('.csv')
    ? 'text/csv'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const res = await fetch(`/api/staff/admin/imports?kind=${kind}&hotline=${hotline}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': type, accept: 'application/json' },
    body: file,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network error');
  });
  const body = (await res.json().catch(() => null)) as {
    id?: string;
    error?: { code?: string };
  } | null;
  if (!res.ok || !body?.id)
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, res.statusText);
  return body.id;
}

export const startImport = (id: string, step: 'dry-run' | 'run') =>
  api.post(`/api/staff/admin/imports/${id}/${step}`);
export const fetchImport = (id: string, lang: string) =>
  api.get(`/api/staff/admin/imports/${id}`, ZBatch, { query: { lang } });
export const undoImport = (id: string, lang: string) =>
  api.post(`/api/staff/admin/imports/${id}/undo`, undefined, ZBatch, { query: { lang } });
