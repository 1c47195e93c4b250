/**
 * What a report is narrowed to. `hotlines` null means every hotline; an organisation filter and
 * the actor's own hotline scope are both turned into a hotline list before the queries run.
 */
export type TReportScope = {
  hotlines: readonly string[] | null;
  provinceCode: string | null;
};
