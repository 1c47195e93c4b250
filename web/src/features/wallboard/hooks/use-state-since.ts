import { useRef } from 'react';
import type { TCounsellorView } from '../../../../../src/contracts/realtime';
import { serverNow } from '../../../shared/realtime/socket-client';

export type TStateSince = { since: number; exact: boolean };

/**
 * Since when each counsellor has been in their current state. Exact for `available` (the server
 * sends `idleSince`) and for changes this tab saw happen live; a state already in place when a
 * snapshot arrived only has a lower bound (the snapshot time), shown as "at least".
 */
export function useStateSince(counsellors: TCounsellorView[], snapshotTime: number) {
  const known = useRef(new Map<string, { state: string; since: number; exact: boolean }>());
  const lastSnapshot = useRef(snapshotTime);
  const fromSnapshot = lastSnapshot.current !== snapshotTime;
  lastSnapshot.current = snapshotTime;
  const result = new Map<string, TStateSince>();
  for (const c of counsellors) {
    const previous = known.current.get(c.userId);
    let entry = previous;
    if (!previous || previous.state !== c.state) {
      const live = previous !== undefined && !fromSnapshot;
      entry = {
        state: c.state,
        since: live ? serverNow() : snapshotTime,
        exact: live,
      };
      known.current.set(c.userId, entry);
    }
    if (c.state === 'available' && c.idleSince)
      result.set(c.userId, { since: c.idleSince, exact: true });
    else if (entry) result.set(c.userId, { since: entry.since, exact: entry.exact });
  }
  return result;
}
