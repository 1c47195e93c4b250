import { useRef } from 'react';
import { serverNow } from '../../../shared/realtime/socket-client';

/**
 * When this tab first saw each value (by identity). The store makes a new object for every live
 * update, so "first seen" is when that figure arrived, which lets a wait keep counting between
 * updates.
 */
export function useFirstSeen<T extends object>() {
  const seen = useRef(new WeakMap<T, number>());
  return (value: T): number => {
    let at = seen.current.get(value);
    if (at === undefined) {
      at = serverNow();
      seen.current.set(value, at);
    }
    return at;
  };
}
