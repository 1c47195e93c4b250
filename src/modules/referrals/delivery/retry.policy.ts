/** Outcome of one delivery attempt as far as retrying is concerned. */
export type TAttemptVerdict = 'delivered' | 'retry' | 'give_up';

/**
 * 2xx delivered; 4xx is the partner refusing this message (retrying sends the same thing), so
 * give up — except 408/429, which say "later". 5xx and network errors retry.
 */
export function verdictFor(status: number | null): TAttemptVerdict {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'give_up';
  return 'retry';
}
