import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import type { TContactDraft } from '../components/contact-draft';
import {
  ZCase,
  ZContact,
  ZNote,
  ZSearchResult,
  ZTimelineEntry,
} from '../../../../../src/contracts/api/records';

const BASE = '/api/staff';

export { ZNote, ZTimelineEntry };
export type TCase = z.infer<typeof ZCase>;

export const getCase = (id: string) => api.get(`${BASE}/cases/${id}`, ZCase);
export const getTimeline = (id: string) =>
  api.get(`${BASE}/cases/${id}/timeline`, z.array(ZTimelineEntry));
export const getNotes = (id: string) => api.get(`${BASE}/cases/${id}/notes`, z.array(ZNote));
export const addNote = (id: string, body: string) =>
  api.post(`${BASE}/cases/${id}/notes`, { body }, ZNote);

async function caseIdFor(draft: TContactDraft, hotline: string): Promise<string | null> {
  if (draft.caseChoice === 'none') return null;
  if (draft.caseChoice === 'new') {
    const created = await api.post(
      `${BASE}/cases`,
      {
        hotline,
        provinceCode: draft.callerProvinceCode || null,
        categoryCode: draft.categoryCode || null,
        riskLevel: draft.safeToTalk === 'no' ? 'high' : 'medium',
      },
      ZCase,
    );
    return created.id;
  }
  const found = await api.post(
    `${BASE}/search/cases`,
    { caseCode: draft.caseCode.trim(), limit: 1 },
    ZSearchResult,
  );
  const match = found.find((c) => c.code === draft.caseCode.trim());
  if (!match) throw new ApiError(404, 'CASE_NOT_FOUND', 'no case with that code');
  return match.id;
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Opens or finds the case the counsellor chose, then records the contact on it. */
export async function saveContact(args: {
  draft: TContactDraft;
  hotline: string;
  durationSeconds: number | null;
  /** The call this contact records; the server links it to the call row. */
  callSid?: string;
  /** Or the chat it records; the server links the conversation to the contact. */
  conversationId?: string;
}): Promise<{ contactId: string; caseId: string | null }> {
  const { draft, hotline } = args;
  const caseId = await caseIdFor(draft, hotline);
  const contact = await api.post(
    `${BASE}/contacts`,
    {
      hotline,
      caseId,
      channel: draft.channel,
      language: draft.language,
      interpreterUsed: draft.interpreterUsed,
      interpreterNeeded: draft.interpreterNeeded,
      callerType: draft.callerType,
      contactType: draft.contactType,
      categoryCode: orNull(draft.categoryCode),
      contactReasons: draft.contactReasons ?? [],
      callerProvinceCode: orNull(draft.callerProvinceCode),
      callerName: orNull(draft.callerName),
      callerPhone: orNull(draft.callerPhone),
      summary: orNull(draft.summary),
      safeToTalk: draft.safeToTalk,
      safeCallbackWindow: orNull(draft.safeCallbackWindow),
      codeWord: orNull(draft.codeWord),
      noSms: draft.noSms,
      noVoicemail: draft.noVoicemail,
      durationSeconds: args.durationSeconds,
      ...(args.callSid ? { callSid: args.callSid } : {}),
      ...(args.conversationId ? { conversationId: args.conversationId } : {}),
      ...(draft.occurredAt ? { occurredAt: vientianeToIso(draft.occurredAt) } : {}),
    },
    ZContact,
  );
  return { contactId: contact.id, caseId: contact.caseId };
}

/** A datetime-local value is what the counsellor read off a Vientiane clock (UTC+7, no DST). */
function vientianeToIso(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString();
}
