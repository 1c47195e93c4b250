import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import { promptAudio } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';
import { missingPrompts, requiredPrompts, type TPromptSlot } from './prompt-readiness.policy';

export type THotlinePromptReadiness = { hotline: string; missing: TPromptSlot[] };

/**
 * Per active hotline, the prompts its callers would hear as placeholders: what the readiness
 * check and the administration screen show before a hotline goes live. Two reads in all.
 */
export async function promptReadiness(
  db: TDatabase,
  only?: string,
): Promise<THotlinePromptReadiness[]> {
  const [rows, uploaded] = await Promise.all([
    db
      .select({
        number: hotlines.number,
        languages: hotlines.languages,
        defaultLanguage: hotlines.defaultLanguage,
        recordingNotice: hotlines.recordingNotice,
        afterCallQuestion: hotlines.afterCallQuestion,
        afterHours: hotlines.afterHours,
        dutyMobile: hotlines.dutyMobile,
      })
      .from(hotlines)
      .where(only ? eq(hotlines.number, only) : eq(hotlines.active, true)),
    db
      .select({
        hotline: promptAudio.hotline,
        language: promptAudio.language,
        prompt: promptAudio.prompt,
      })
      .from(promptAudio)
      .where(only ? eq(promptAudio.hotline, only) : undefined),
  ]);
  return rows.map((h) => ({
    hotline: h.number,
    missing: missingPrompts(
      requiredPrompts({ ...h, languages: h.languages.length ? h.languages : [h.defaultLanguage] }),
      uploaded.filter((u) => u.hotline === h.number),
    ),
  }));
}
