import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import { promptVersionsRepository, type TPromptSlotKey } from './prompt-versions.repository';
import {
  isPromptContentType,
  type TPromptContentType,
  type TPromptsRepository,
} from './prompts.repository';

type TRecording = TPromptSlotKey & { contentType: TPromptContentType; audio: Buffer };

/**
 * What administrators do with a hotline's prompts: upload one as it is, save a browser recording
 * as a draft, listen to versions, approve one. Approving or uploading writes through the one
 * prompts store the voice webhooks read from, so the next call hears it on this node at once.
 */
export function promptLibrary(
  deps: { db: TDatabase; config: TConfig },
  prompts: TPromptsRepository,
  /** A hotline's callers now hear another recording: its cached IVR answers must go. */
  onChanged: (hotline: string) => void = () => {},
) {
  const versions = promptVersionsRepository(deps.db);
  // Audited once stored: a recording is not personal data, and the store owns its cache.
  const audited = (actorId: string, slot: TPromptSlotKey, version?: number) =>
    deps.db.transaction((tx) =>
      recordAudit(tx, deps.config, {
        actorId,
        action: 'hotline.settings_changed',
        entityType: 'hotline',
        entityId: slot.hotline,
        data: {
          fields: ['prompt'],
          prompt: slot.prompt,
          language: slot.language,
          ...(version === undefined ? {} : { version }),
        },
      }),
    );

  return {
    /** What a caller hears: the approved recording, or the placeholder (never silence). */
    audioFor: (hotline: string, prompt: string, language: string) =>
      prompts.get(hotline, prompt, language),

    listUploaded: (hotline: string) => prompts.listUploaded(hotline),

    /** A file uploaded directly is approved as it is, and kept among the prompt's versions. */
    async uploadApproved(recording: TRecording, actorId: string): Promise<void> {
      await prompts.put(recording);
      await versions.add({ ...recording, source: 'uploaded', createdBy: actorId, approved: true });
      await audited(actorId, recording);
      onChanged(recording.hotline);
    },

    /** A browser recording: callers hear it only once someone approves it. */
    async saveDraft(recording: TRecording, actorId: string): Promise<{ version: number }> {
      const saved = await versions.add({
        ...recording,
        source: 'recorded',
        createdBy: actorId,
        approved: false,
      });
      return { version: saved.version };
    },

    /** Newest first; `live` marks the version approved last, the one callers hear. */
    async listVersions(slot: TPromptSlotKey) {
      const rows = await versions.list(slot);
      const live = rows
        .filter((v) => v.approvedAt)
        .sort((a, b) => (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0))[0];
      return rows.map((v) => ({
        version: v.version,
        source: v.source,
        createdAt: v.createdAt.toISOString(),
        approvedAt: v.approvedAt?.toISOString() ?? null,
        live: v.version === live?.version,
      }));
    },

    async versionAudio(slot: TPromptSlotKey, version: number) {
      const row = await versions.get(slot, version);
      if (!row) throw new AppError('NOT_FOUND');
      return { contentType: row.contentType, audio: row.audio };
    },

    async approve(slot: TPromptSlotKey, version: number, actorId: string): Promise<void> {
      const row = await versions.get(slot, version);
      if (!row || !isPromptContentType(row.contentType)) throw new AppError('NOT_FOUND');
      await prompts.put({ ...slot, contentType: row.contentType, audio: row.audio });
      await versions.markApproved(row.id, actorId);
      await audited(actorId, slot, row.version);
      onChanged(slot.hotline);
    },
  };
}

export type TPromptLibrary = ReturnType<typeof promptLibrary>;
