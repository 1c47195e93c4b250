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
const slotPath = (hotline: string, language: string, prompt: string) =>
  `/api/staff/hotlines/${hotline}/prompts/${language}/${prompt}`;

export async function uploadPrompt(
  hotline: string,
  language: string,
  prompt: string,
  file: File,
): Promise<void> {
  await sendAudio('PUT', slotPath(hotline, language, prompt), file);
}

/** A recording made in the browser, kept as a draft version until approved. */
export async function saveRecording(
  hotline: string,
  language: string,
  prompt: string,
  wav: Blob,
): Promise<void> {
  await sendAudio('POST', `${slotPath(hotline, language, prompt)}/versions`, wav);
}

const ZVersions = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      source: z.enum(['recorded', 'uploaded']),
      createdAt: z.string(),
      approvedAt: z.string().nullable(),
      live: z.boolean(),
    }),
  ),
});
export type TPromptVersion = z.infer<typeof ZVersions>['versions'][number];

export const fetchVersions = async (hotline: string, language: string, prompt: string) =>
  (await api.get(`${slotPath(hotline, language, prompt)}/versions`, ZVersions)).versions;
export const approveVersion = (hotline: string, language: string, prompt: string, v: number) =>
  api.post(`${slotPath(hotline, language, prompt)}/versions/${v}/approve`);
export const versionAudioUrl = (hotline: string, language: string, prompt: string, v: number) =>
  `${slotPath(hotline, language, prompt)}/versions/${v}/audio`;

async function sendAudio(method: 'PUT' | 'POST', path: string, body: Blob): Promise<void> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': body.type || 'audio/wav', accept: 'application/json' },
    body,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network error');
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, res.statusText);
  }
}
