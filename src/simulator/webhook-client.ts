import twilio from 'twilio';

export type TWebhookClient = {
  post(url: string, params: Record<string, string>): Promise<{ status: number; body: string }>;
};

/** POSTs form-encoded webhooks signed exactly as Twilio signs them (URL + sorted params, HMAC-SHA1). */
export function webhookClient(authToken: string, timeoutMs = 15_000): TWebhookClient {
  return {
    async post(url, params) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(authToken, url, params),
          'user-agent': 'TwilioProxy/1.1 (saiduan simulator)',
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, body: await response.text() };
    },
  };
}
