import { api } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { ZErrorBody } from '../../../../../src/contracts/api/errors';
import { ZPromptList, ZPromptVersions } from '../../../../../src/contracts/api/prompts';

export type { TPromptList, TPromptVersion } from '../../../../../src/contracts/api/prompts';

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

export const fetchVersions = async (hotline: string, language: string, prompt: string) =>
  (await api.get(`${slotPath(hotline, language, prompt)}/versions`, ZPromptVersions)).versions;
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
    const body: unknown = await res.json().catch(() => null);
    const code = ZErrorBody.safeParse(body).data?.error.code ?? `HTTP_${res.status}`;
    throw new ApiError(res.status, code, res.statusText);
  }
}
