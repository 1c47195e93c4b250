import { useCallback, useEffect, useState } from 'react';
import type { TOfferView } from '../../../../../src/contracts/realtime';
import { serverNow } from '../../../shared/realtime/socket-client';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/use-realtime';
import { useUser } from '../../../shared/session/session-context';

/** The call this counsellor is on (or just ended and is still writing up). No personal data. */
export type TActiveCall = {
  callSid: string;
  hotline: string;
  language: string;
  kind: 'inbound' | 'callback';
  startedAt: number;
  endedAt: number | null;
};

const keyFor = (userId: string) => `saiduan.desk.call.${userId}`;

function load(userId: string): TActiveCall | null {
  try {
    const raw = localStorage.getItem(keyFor(userId));
    return raw ? (JSON.parse(raw) as TActiveCall) : null;
  } catch {
    return null;
  }
}

/**
 * Survives a reload: kept in localStorage and reconciled with the server's snapshot, which is
 * the truth about whether the call is still live.
 */
export function useActiveCall() {
  const user = useUser();
  const { snapshot } = useRealtime();
  const [call, setCall] = useState<TActiveCall | null>(() => load(user.userId));

  const save = useCallback(
    (next: TActiveCall | null) => {
      setCall(next);
      if (next) localStorage.setItem(keyFor(user.userId), JSON.stringify(next));
      else localStorage.removeItem(keyFor(user.userId));
    },
    [user.userId],
  );

  const accepted = useCallback(
    (offer: TOfferView, callSid: string) =>
      save({
        callSid,
        hotline: offer.hotline,
        language: offer.language,
        kind: offer.kind,
        startedAt: serverNow(),
        endedAt: null,
      }),
    [save],
  );

  useRealtimeEvent('call:ended', ({ callSid }) => {
    if (call?.callSid === callSid && !call.endedAt) save({ ...call, endedAt: serverNow() });
  });

  // After a reconnect the snapshot says whether the call outlived the drop.
  const me = snapshot?.me;
  useEffect(() => {
    if (!me || !call || call.endedAt) return;
    if (me.taskId !== call.callSid && me.state !== 'offered')
      save({ ...call, endedAt: serverNow() });
  }, [me, call, save]);

  return { call, accepted, finish: () => save(null) };
}
