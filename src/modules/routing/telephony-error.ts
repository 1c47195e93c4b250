/**
 * What of a failed telephony request may be logged. The twilio client's errors carry the whole
 * request (Basic auth header with the account token, form body with numbers), so they are
 * never logged as they are.
 */
export function telephonyError(err: unknown): { name: string; message: string; status?: number } {
  if (!(err instanceof Error)) return { name: 'unknown', message: String(err).slice(0, 200) };
  const status = (err as { status?: unknown }).status;
  return {
    name: err.name,
    message: err.message.slice(0, 200),
    ...(typeof status === 'number' ? { status } : {}),
  };
}
