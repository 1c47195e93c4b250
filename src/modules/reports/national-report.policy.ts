import { mattersTable } from './counselled-matters.policy';
import { counsellingModeNote } from './counselling-mode.policy';
import type { TCounselledMatters } from './counselled-matters.repository';
import { buildEventTables } from './national-events-tables.policy';
import type { TNationalEvents } from './national-events.repository';
import { buildNationalTables } from './national-tables.policy';
import { countUnitRules } from './national-statistics.policy';
import type { TNationalTallies } from './national-statistics.types';
import type { TPeriod } from './report-period.policy';
import type { TReport } from './report-table.types';

export function nationalReport(options: {
  period: TPeriod;
  filters: Record<string, string>;
  tallies: TNationalTallies;
  events: TNationalEvents;
  matters: TCounselledMatters;
}): TReport {
  return {
    key: 'national',
    title: {
      lo: 'ສະຖິຕິຜູ້ຖືກເຄາະຮ້າຍ ແລະ ການໃຫ້ຄຳປຶກສາ (ລາຍງານລະດັບຊາດ)',
      en: 'Victim and counselling statistics (national report)',
    },
    period: options.period,
    filters: options.filters,
    tables: [
      ...buildNationalTables(options.tallies),
      mattersTable(options.tallies, options.matters),
      ...buildEventTables(options.events),
    ],
    notes: [...countUnitRules, counsellingModeNote],
  };
}
