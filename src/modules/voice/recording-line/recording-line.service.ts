import type { Redis } from 'ioredis';
import type { TConfig } from '../../../config/config';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import { verifyPassword } from '../../auth/password';
import type { TKeyring } from '../../crypto/keyring';
import { phoneHash } from '../../crypto/phone-hash';
import { isPlausibleAudio } from '../../prompts/prompt-audio.policy';
import type { TPromptLibrary } from '../../prompts/prompt-library.service';
import { promptReadiness } from '../../prompts/prompt-readiness.service';
import { toTelephoneWav } from '../../prompts/telephone-wav.policy';
import type { TRecordingMedia } from '../../telephony/recording-media.provider';
import { pinFailures } from './pin-failures.repository';
import { reviewChoice, slotsToRecord, type TRecordingSlot } from './recording-line.policy';
import { recordingLineRepository } from './recording-line.repository';
import {
  afterChoiceTwiml,
  askPinTwiml,
  doneTwiml,
  notInServiceTwiml,
  recordSlotTwiml,
  refusedTwiml,
  reviewTwiml,
  tooManyTriesTwiml,
  type TLineState,
  type TRecordingLineUrls,
} from './recording-line.twiml';
import { PIN_FAILURES_PER_NUMBER, PIN_TRIES_PER_CALL } from './recording-pin.policy';

export type TRecordingLineDeps = {
  db: TDatabase;
  redis: Redis;
  config: Pick<TConfig, 'HMAC_KEY' | 'TWILIO_ACCOUNT_SID'>;
  keyring: TKeyring;
  library: Pick<TPromptLibrary, 'saveDraft'>;
  media: TRecordingMedia;
  urls: TRecordingLineUrls;
};

type TParams = Record<string, string>;

/**
 * The prompts' recording line, one webhook at a time: an administrator calls the line's number,
 * keys her PIN, and is walked through her hotlines' prompts still on their placeholder: told
 * which prompt and language, she records it, hears it back, and keeps it (a new version waiting
 * for approval, as a browser recording does), records again, or skips. Wrong PINs are counted
 * per call and per caller number; refusals and sign-ins are audited.
 */
export function recordingLine(deps: TRecordingLineDeps) {
  const lines = recordingLineRepository(deps.db);
  const failures = pinFailures(deps.redis);
  const callerOf = (params: TParams) => phoneHash(deps.keyring, params.From ?? '');
  const audit = (entry: Parameters<typeof recordAudit>[2]) =>
    deps.db.transaction((tx) => recordAudit(tx, deps.config, entry));
  const refused = (line: string, reason: string, tries: number) =>
    audit({
      actorId: null,
      action: 'recording_line.pin_refused',
      entityType: 'recording_line',
      entityId: line,
      data: { reason, tries },
    });

  /** The prompts still to record for this administrator on this line, in order. */
  async function slotsFor(lineId: string, userId: string): Promise<TRecordingSlot[] | null> {
    const [line, hers] = await Promise.all([lines.lineById(lineId), lines.hotlinesOf(userId)]);
    if (!line || !hers) return null;
    const numbers = line.hotline ? hers.filter((h) => h === line.hotline) : hers;
    const [readiness, awaiting] = await Promise.all([
      Promise.all(numbers.map((n) => promptReadiness(deps.db, n))),
      lines.awaitingApproval(numbers),
    ]);
    return slotsToRecord(readiness.flat(), awaiting);
  }

  async function slotTwiml(state: TLineState): Promise<string> {
    const slots = await slotsFor(state.line, state.user);
    if (!slots) return refusedTwiml();
    const slot = slots[state.skip];
    if (!slot) return doneTwiml();
    return recordSlotTwiml(deps.urls, state, slot, slots.length - state.skip);
  }

  return {
    /** The call arrives at a recording number. */
    async answer(params: TParams): Promise<string> {
      const line = await lines.lineByNumber(params.To ?? '');
      if (!line) return notInServiceTwiml();
      if ((await failures.count(callerOf(params))) >= PIN_FAILURES_PER_NUMBER) {
        await refused(line.id, 'too-many-from-number', 0);
        return tooManyTriesTwiml();
      }
      return askPinTwiml(deps.urls, line.id, 1);
    },

    /** The keyed PIN: one administrator's, or a wrong try. */
    async pin(lineId: string, attempt: number, params: TParams): Promise<string> {
      const line = await lines.lineById(lineId);
      if (!line) return notInServiceTwiml();
      const pin = params.Digits ?? '';
      const holders = /^\d+$/.test(pin) ? await lines.pinHolders(line.hotline) : [];
      const verified = await Promise.all(holders.map((h) => verifyPassword(h.pinHash, pin)));
      const matches = holders.filter((_h, i) => verified[i]);
      // Two administrators with the same PIN: neither is let in on a guess of which one.
      const user = matches.length === 1 ? matches[0] : undefined;
      if (user) {
        await audit({
          actorId: user.userId,
          action: 'recording_line.signed_in',
          entityType: 'recording_line',
          entityId: line.id,
        });
        return slotTwiml({ line: line.id, user: user.userId, skip: 0 });
      }
      const fromNumber = await failures.add(callerOf(params));
      if (fromNumber >= PIN_FAILURES_PER_NUMBER) {
        await refused(line.id, 'too-many-from-number', attempt);
        return tooManyTriesTwiml();
      }
      if (attempt >= PIN_TRIES_PER_CALL) {
        await refused(line.id, 'wrong-pin', attempt);
        return refusedTwiml();
      }
      return askPinTwiml(deps.urls, line.id, attempt + 1);
    },

    next: slotTwiml,

    /** `<Record>`'s action: play it back and ask what to do with it. */
    async recorded(state: TLineState, slot: TRecordingSlot, params: TParams): Promise<string> {
      const sid = params.RecordingSid ?? '';
      if (!/^RE[0-9a-fA-F]{32}$/.test(sid) || !params.RecordingUrl) return slotTwiml(state);
      return reviewTwiml(deps.urls, state, slot, { sid, url: params.RecordingUrl });
    },

    /** 1 keeps (fetched from Twilio, made telephone WAV, saved awaiting approval), 2, 3. */
    async choice(
      state: TLineState,
      slot: TRecordingSlot,
      recordingSid: string,
      params: TParams,
    ): Promise<string> {
      const choice = reviewChoice(params.Digits);
      if (choice === 'again') return slotTwiml(state);
      if (choice === 'skip')
        return afterChoiceTwiml(deps.urls, { ...state, skip: state.skip + 1 }, 'Skipped.');
      const fetched = await deps.media.wav(recordingSid);
      const audio = fetched ? toTelephoneWav(fetched) : null;
      if (!audio || !isPlausibleAudio('audio/wav', audio))
        return afterChoiceTwiml(
          deps.urls,
          state,
          'Sorry, that recording could not be kept. Please record it again.',
        );
      const saved = await deps.library.saveDraft(
        { ...slot, contentType: 'audio/wav', audio },
        state.user,
      );
      await audit({
        actorId: state.user,
        action: 'prompt.recorded_by_phone',
        entityType: 'hotline',
        entityId: slot.hotline,
        data: { prompt: slot.prompt, language: slot.language, version: saved.version },
      });
      // The kept prompt now waits for approval, so the same place in the list is the next one.
      return afterChoiceTwiml(
        deps.urls,
        state,
        'Kept. It waits for approval in the administration screen.',
      );
    },
  };
}

export type TRecordingLine = ReturnType<typeof recordingLine>;
