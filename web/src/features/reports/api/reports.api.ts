import type { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import {
  ZRefreshAccepted,
  ZReport,
  ZReportFreshness,
  type TReportKind,
} from '../../../../../src/contracts/api/reports';

export type { TReportKind } from '../../../../../src/contracts/api/reports';
export type TReport = z.infer<typeof ZReport>;
export type TReportTable = TReport['tables'][number];
export type TReportFreshness = TReport['freshness'];

export type TReportFilters = {
  period: 'month' | 'quarter' | 'year' | 'custom';
  year: number;
  month: number;
  quarter: number;
  from: string;
  to: string;
  hotline: string;
  province: string;
  organisation: string;
};

/** Only the fields the chosen period needs, and no empty filters. */
export function reportQuery(f: TReportFilters): Record<string, string | number | undefined> {
  const base = {
    period: f.period,
    hotline: f.hotline || undefined,
    province: f.province || undefined,
    organisation: f.organisation || undefined,
  };
  switch (f.period) {
    case 'month':
      return { ...base, year: f.year, month: f.month };
    case 'quarter':
      return { ...base, year: f.year, quarter: f.quarter };
    case 'year':
      return { ...base, year: f.year };
    case 'custom':
      return { ...base, from: f.from, to: f.to };
  }
}

export const fetchReport = (kind: TReportKind, filters: TReportFilters) =>
  api.get(`/api/staff/reports/${kind}`, ZReport, { query: reportQuery(filters) });

/** How current the figures of a report kind are now (the screen's poll while they catch up). */
export const fetchFreshness = (kind: TReportKind) =>
  api.get('/api/staff/reports/freshness', ZReportFreshness, { query: { kind } });

/** "Refresh now": the worker brings the aggregates up to date; the screen polls for the result. */
export const requestRefresh = (kind: TReportKind) =>
  api.post('/api/staff/reports/refresh', { kind }, ZRefreshAccepted);

/** A plain link: the browser downloads the file with the session cookie. */
export function exportUrl(
  kind: TReportKind,
  filters: TReportFilters,
  format: 'csv' | 'xlsx',
  audience: 'internal' | 'external',
): string {
  const params = new URLSearchParams({ format, audience });
  for (const [k, v] of Object.entries(reportQuery(filters)))
    if (v !== undefined) params.set(k, String(v));
  return `/api/staff/reports/${kind}/export?${params.toString()}`;
}
