import twilio from 'twilio';

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T>(
  items: readonly T[],
  n: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++] as T);
    }),
  );
}

/** A Twilio webhook as Twilio sends it: a form post signed with the account's auth token. */
export function postSignedWebhook(
  base: string,
  authToken: string,
  path: string,
  params: Record<string, string>,
): Promise<Response> {
  return fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, base + path, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}
