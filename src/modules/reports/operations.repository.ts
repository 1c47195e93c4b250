import type { TSql } from '../../infra/database';
import type { TSqlTag } from './national-sql.fragments';
import type { TChannelCounts } from './operations-channels.policy';
import { loadChatChannels } from './operations-channels.repository';
import { emptyGroup, type TCallGroup, type TCounsellorActivity } from './operations.policy';
import {
  callHourCellsSql,
  callRollupSql,
  counsellorActivitySql,
  handleDayCellsSql,
  offerDayCellsSql,
} from './operations-sql.fragments';
import { periodInstants, type TPeriod } from './report-period.policy';
import type { TReportScope } from './report-filters';

export type TGroupRow = {
  dim: 'hotline' | 'day' | 'hour' | 'total';
  key: string | null;
  calls: number;
  queued: number;
  answered: number;
  answered_in_target: number;
  abandoned: number;
  short_abandoned: number;
  left_in_menu: number;
  after_call_asked: number;
  after_call_yes: number;
  after_call_no: number;
  after_hours: number;
  blocked: number;
  forwarded: number;
  callbacks: number;
  callbacks_placed: number;
  callback_wait: number;
  answer_wait: number;
  longest_wait: number;
};

export type TOperationsData = {
  byHotline: TCallGroup[];
  /** Chats per channel started in the period (calls are the hotline total). */
  chats: TChannelCounts[];
  byDay: TCallGroup[];
  byHour: TCallGroup[];
  counsellors: TCounsellorActivity[];
};

/** The period's instants as ISO text and the hotline list as a Postgres array (null: all). */
export function operationsBounds(sql: TSqlTag, period: TPeriod, scope: TReportScope) {
  const instants = periodInstants(period);
  return {
    start: instants.start.toISOString(),
    end: instants.end.toISOString(),
    hotlines: scope.hotlines ? sql.array([...scope.hotlines], 1009) : null,
  };
}

/**
 * Operations figures computed directly from `calls` (one row per inbound call), the routing
 * steps in `call_events`, `contacts` and the chats (`chat_conversations`), for any period: the reference the per-hour aggregate
 * (operations-aggregate.repository.ts) is held to. Reads no encrypted column; counsellors are
 * named by their staff display name.
 */
export async function computeOperations(
  sql: TSql,
  period: TPeriod,
  scope: TReportScope,
): Promise<TOperationsData> {
  // A year of calls: enough memory to hash the groups instead of sorting them.
  const [[groups, counsellors], chats] = await Promise.all([
    sql.begin(async (tx) => {
      await tx`set local work_mem = '64MB'`;
      const { start, end, hotlines } = operationsBounds(tx, period, scope);
      const inHotlines = (column: ReturnType<typeof tx>) =>
        tx`(${hotlines}::text[] is null or ${column} = any(${hotlines}::text[]))`;
      return Promise.all([
        tx<TGroupRow[]>`${callRollupSql(
          tx,
          callHourCellsSql(
            tx,
            tx`c.started_at >= ${start}::timestamptz and c.started_at < ${end}::timestamptz
            and ${inHotlines(tx`c.hotline`)}`,
          ),
        )}`,
        tx<TCounsellorActivity[]>`${counsellorActivitySql(
          tx,
          offerDayCellsSql(
            tx,
            tx`e.received_at >= ${start}::timestamptz and e.received_at < ${end}::timestamptz
            and ${inHotlines(tx`c.hotline`)}`,
          ),
          handleDayCellsSql(
            tx,
            tx`c.occurred_at >= ${start}::timestamptz and c.occurred_at < ${end}::timestamptz
            and ${inHotlines(tx`c.hotline`)}`,
          ),
        )}`,
      ]);
    }),
    loadChatChannels(sql, period, scope),
  ]);
  return operationsData(groups, counsellors, chats);
}

/** The rolled-up rows (callRollupSql), counsellor rows and chat channels as the report's data. */
export function operationsData(
  groups: readonly TGroupRow[],
  counsellors: readonly TCounsellorActivity[],
  chats: readonly TChannelCounts[],
): TOperationsData {
  const pick = (dim: TGroupRow['dim']) => groups.filter((g) => g.dim === dim).map(toGroup);
  return {
    byHotline: [...pick('hotline'), ...pick('total').map((g) => ({ ...g, key: 'total' }))],
    chats: [...chats],
    byDay: pick('day'),
    byHour: pick('hour'),
    counsellors: [...counsellors],
  };
}

function toGroup(r: TGroupRow): TCallGroup {
  return {
    ...emptyGroup(),
    key: r.key ?? 'total',
    calls: r.calls,
    queued: r.queued,
    answered: r.answered,
    answeredInTarget: r.answered_in_target,
    abandoned: r.abandoned,
    shortAbandoned: r.short_abandoned,
    leftInMenu: r.left_in_menu,
    afterCallAsked: r.after_call_asked,
    afterCallYes: r.after_call_yes,
    afterCallNo: r.after_call_no,
    afterHours: r.after_hours,
    blocked: r.blocked,
    forwarded: r.forwarded,
    callbacks: r.callbacks,
    callbacksPlaced: r.callbacks_placed,
    callbackWaitSeconds: r.callback_wait,
    answerWaitSeconds: r.answer_wait,
    longestWaitSeconds: Math.round(r.longest_wait),
  };
}
