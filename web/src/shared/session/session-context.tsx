import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { onSessionExpired } from '../api/api-client';
import { ApiError } from '../api/api-error';
import {
  connectRealtime,
  disconnectRealtime,
  onRealtimeAuthLost,
  realtimeSocket,
} from '../realtime/socket-client';
import { fetchMe, logout, type TSessionUser } from './session.api';

type TSessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: TSessionUser }
  | { status: 'error' };

type TSessionContext = {
  state: TSessionState;
  /** True while a request waits for the user to sign in again; the screen behind stays mounted. */
  expired: boolean;
  /** Call after a successful sign-in (first or again after expiry). */
  signedIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** The user gave up signing in again: pending requests fail and the app goes to login. */
  abandon: () => void;
};

const Context = createContext<TSessionContext | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<TSessionState>({ status: 'loading' });
  const [expired, setExpired] = useState(false);
  const waiting = useRef<Array<{ resolve: () => void; reject: (e: Error) => void }>>([]);
  // Until a reset password is replaced the server refuses the socket too: do not try.
  const userId =
    state.status === 'signed-in' && !state.user.passwordChangeRequired ? state.user.userId : null;

  const load = useCallback(async () => {
    try {
      const user = await fetchMe();
      setState(user ? { status: 'signed-in', user } : { status: 'anonymous' });
      return user;
    } catch {
      setState({ status: 'error' });
      return null;
    }
  }, []);

  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (!userId) return;
    connectRealtime(userId);
    const expire = () =>
      new Promise<void>((resolve, reject) => {
        waiting.current.push({ resolve, reject });
        setExpired(true);
      });
    onSessionExpired(expire);
    onRealtimeAuthLost(() => {
      void expire().then(
        () => realtimeSocket()?.connect(),
        () => undefined,
      );
    });
    return () => {
      onSessionExpired(null);
      onRealtimeAuthLost(null);
      disconnectRealtime();
    };
  }, [userId]);

  const signedIn = useCallback(async () => {
    const user = await load();
    // Someone else signed in on this screen: nothing of the previous user may stay visible.
    if (userId && user && user.userId !== userId) return window.location.reload();
    setExpired(false);
    for (const w of waiting.current.splice(0)) w.resolve();
  }, [load, userId]);

  const abandon = useCallback(() => {
    for (const w of waiting.current.splice(0))
      w.reject(new ApiError(401, 'UNAUTHENTICATED', 'signed out'));
    setExpired(false);
    setState({ status: 'anonymous' });
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    disconnectRealtime();
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo(
    () => ({ state, expired, signedIn, signOut, abandon }),
    [state, expired, signedIn, signOut, abandon],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): TSessionContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for screens rendered behind the sign-in gate. */
export function useUser(): TSessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}
