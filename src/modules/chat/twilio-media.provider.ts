import type { TConversationsConfig } from './twilio-conversations.provider';
import { mcsBaseUrl } from './twilio-region.policy';

/** The bytes of one media file, as the provider holds them. */
export type TFetchedMedia = { bytes: Buffer; contentType: string };

/** Larger than allowed: the download stopped at the limit (the provider's size may be wrong). */
export class MediaTooLargeError extends Error {
  override name = 'MediaTooLargeError';
}

/** The provider says the file does not exist (any more): trying again will not help. */
export class MediaGoneError extends Error {
  override name = 'MediaGoneError';
}

export type TChatMediaFetcher = {
  fetch(input: { serviceSid: string; mediaRef: string; maxBytes: number }): Promise<TFetchedMedia>;
};

const TIMEOUT_MS = 20_000;

/** Any *.twilio.com URL sent to TWILIO_API_BASE_URL when set (the simulator). */
function rebase(url: string, baseUrl: string | undefined): string {
  const match = /^https:\/\/[a-z0-9.-]+\.twilio\.com/.exec(url);
  return baseUrl && match ? baseUrl.replace(/\/+$/, '') + url.slice(match[0].length) : url;
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new MediaTooLargeError(String(declared));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new MediaTooLargeError(String(total));
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Conversations media through Twilio's Media Content Service: the Media resource (HTTP Basic
 * with the account's credentials) names a temporary signed link to the bytes, which is fetched
 * without credentials and never beyond `maxBytes`. The helper library does not cover MCS.
 */
export function twilioMediaFetcher(config: TConversationsConfig): TChatMediaFetcher {
  const mcs = mcsBaseUrl(config);
  const auth = `Basic ${Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64')}`;
  return {
    async fetch({ serviceSid, mediaRef, maxBytes }) {
      const resourceUrl = rebase(
        `${mcs}/v1/Services/${encodeURIComponent(serviceSid)}/Media/${encodeURIComponent(mediaRef)}`,
        config.TWILIO_API_BASE_URL,
      );
      const resource = await fetch(resourceUrl, {
        headers: { authorization: auth, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (resource.status === 404) throw new MediaGoneError(mediaRef);
      if (!resource.ok) throw new Error(`media resource answered ${resource.status}`);
      const body = (await resource.json()) as {
        content_type?: string;
        size?: number;
        links?: { content_direct_temporary?: string };
      };
      if (typeof body.size === 'number' && body.size > maxBytes)
        throw new MediaTooLargeError(String(body.size));
      const link = body.links?.content_direct_temporary;
      if (!link) throw new Error('media resource names no content link');
      // The signed link carries its own authorisation: the account's credentials stay home.
      const content = await fetch(rebase(link, config.TWILIO_API_BASE_URL), {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!content.ok) throw new Error(`media content answered ${content.status}`);
      return {
        bytes: await readCapped(content, maxBytes),
        contentType: body.content_type ?? content.headers.get('content-type') ?? '',
      };
    },
  };
}
