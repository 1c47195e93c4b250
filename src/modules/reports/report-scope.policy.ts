import type { TActor } from '../auth/actor';
import type { TScope } from '../auth/permissions.table';
import type { TReportScope } from './report-filters';

export type TReportFilters = {
  hotline?: string | undefined;
  province?: string | undefined;
  organisation?: string | undefined;
};

/**
 * What the actor's report covers: the filters they asked for, narrowed to the reach of their
 * grant (a supervisor sees their hotlines' figures, a statistician the whole country).
 * `organisationHotlines` are the hotlines run by the organisation filter, when one was given.
 */
export function reportScopeFor(options: {
  actor: Pick<TActor, 'hotlines' | 'provinceCode'>;
  grant: TScope;
  filters: TReportFilters;
  organisationHotlines: readonly string[] | null;
}): TReportScope {
  const { actor, grant, filters } = options;
  let hotlines: string[] | null = null;
  const narrow = (list: readonly string[]) => {
    hotlines = hotlines === null ? [...list] : hotlines.filter((h) => list.includes(h));
  };
  if (filters.hotline) narrow([filters.hotline]);
  if (options.organisationHotlines) narrow(options.organisationHotlines);
  if (grant === 'hotline' || grant === 'own') narrow(actor.hotlines);
  let provinceCode = filters.province ?? null;
  if (grant === 'province') {
    if (provinceCode !== null && provinceCode !== actor.provinceCode) hotlines = [];
    provinceCode = actor.provinceCode;
  }
  return { hotlines, provinceCode };
}

/** The filters as printed on the report, in the order the user chose them. */
export function filterLabels(filters: TReportFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.hotline) out.hotline = filters.hotline;
  if (filters.province) out.province = filters.province;
  if (filters.organisation) out.organisation = filters.organisation;
  return out;
}
