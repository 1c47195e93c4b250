import { api } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { ZErrorBody } from '../../../../../src/contracts/api/errors';
import {
  ZImportBatch,
  ZImportUploaded,
  type TImportKind,
} from '../../../../../src/contracts/api/imports';

export {
  importKinds,
  type TImportBatch,
  type TImportKind,
} from '../../../../../src/contracts/api/imports';

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
  const body: unknown = await res.json().catch(() => null);
  const uploaded = ZImportUploaded.safeParse(body);
  if (!res.ok || !uploaded.success) {
    const code = ZErrorBody.safeParse(body).data?.error.code ?? `HTTP_${res.status}`;
    throw new ApiError(res.status, code, res.statusText);
  }
  return uploaded.data.id;
}

export const startImport = (id: string, step: 'dry-run' | 'run') =>
  api.post(`/api/staff/admin/imports/${id}/${step}`);
export const fetchImport = (id: string, lang: string) =>
  api.get(`/api/staff/admin/imports/${id}`, ZImportBatch, { query: { lang } });
export const undoImport = (id: string, lang: string) =>
  api.post(`/api/staff/admin/imports/${id}/undo`, undefined, ZImportBatch, { query: { lang } });
