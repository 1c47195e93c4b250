/** What a rate-limit bucket is keyed on, from what the auth hooks already resolved. */
export type TLimitSubject = {
  ip: string;
  /** Set by the staff boundary (and the partner portal) once the session is resolved. */
  userId?: string | null;
  /** A partner who came in through a ticket's magic link has no user account. */
  magicLinkId?: string | null;
};

/**
 * One bucket per signed-in person, one per magic link, and one per address for everyone else.
 * A hotline's counsellors usually sit behind one office address (NAT): keyed on the address, the
 * whole floor shared one budget and a supervisor reloading the wallboard slowed every desk.
 * The auth hooks run before the limit (route-level hooks follow the shared ones), so a request
 * without a live session never reaches here with a user id and stays keyed on its address.
 */
export function rateLimitKey(subject: TLimitSubject): string {
  if (subject.userId) return `user:${subject.userId}`;
  if (subject.magicLinkId) return `link:${subject.magicLinkId}`;
  return `ip:${subject.ip}`;
}

/**
 * The web app's hashed files are never limited: a whole office loading the app at the start of a
 * shift fetches them from one address, and a 429 on a script leaves a blank screen. They are
 * static, immutable and cached by the browser for a year, so they cost the server almost nothing.
 */
export function isUnlimitedPath(url: string): boolean {
  return url.startsWith('/assets/') && !url.includes('..');
}
