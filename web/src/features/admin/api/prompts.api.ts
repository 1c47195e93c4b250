import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';

const ZPromptList = z.object({
  prompts: z.array(z.string()),
  languages: z.array(z.string()),
  uploaded: z.array(
    z.object({
      prompt: z.string(),
      language: z.string(),
      contentType: z.string(),
      updatedAt: z.string(),
    }),
  ),
  missing: z.array(z.object({ language: z.string(), prompt: z.string() })),
});
export type TPromptList = z.infer<typeof ZPromptList>;

export const fetchPrompts = (hotline: string) =>
  api.get(`/api/staff/hotlines/${hotline}/prompts`, ZPromptList);

/** The address callers' phones fetch; `v` skips the five-minute cache after a replacement. */
export const promptUrl = (hotline: string, language: string, prompt: string, version: string) =>
  `/webhooks/twilio/prompts/${hotline}/${language}/${prompt}.wav?v=${encodeURIComponent(version)}`;

/** Sends the file as it is (audio/wav or audio/mpeg): the API takes raw audio, not JSON. */
export async function uploadPrompt(
  hotline: string,
  language: string,
  prompt: string,
  file: File,
): Promise<void> {
  const res = await fetch(`/api/staff/hotlines/${hotline}/prompts/${language}/${prompt}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'audio/wav', accept: 'application/json' },
    body: file,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network error');
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, res.statusText);
  }
}
