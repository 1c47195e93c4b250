/**
 * What of a failed telephony request may be logged. The twilio client's errors carry the whole
 * request (Basic auth header with the account token, form body with numbers), so they are
 * never logged as they are.
 */
export function telephonyError(err: unknown): { name: string; message: string; status?: number } {
  if (!(err instanceof Error)) return { name: 'unknown', message: withoutNumbers(String(err)) };
  const status = (err as { status?: unknown }).status;
  return {
    name: err.name,
    message: withoutNumbers(err.message),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

/**
 * Twilio names the refused number in its message ("The 'To' number +856… is not valid"); a
 * caller's or a counsellor's own mobile is personal data.
 */
function withoutNumbers(message: string): string {
  return message.replace(/\+?\d[\d\s-]{5,}\d/g, '[number]').slice(0, 200);
}
