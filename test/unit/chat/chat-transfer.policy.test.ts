import { describe, expect, it } from 'vitest';
import { mayTransferTo, transferTargets } from '../../../src/modules/chat/chat-transfer.policy';

const hotlines = [
  { number: '1362', nameLo: 'ສາຍດ່ວນ 1362', nameEn: '1362', languages: ['lo', 'en'] },
  { number: '1512', nameLo: 'ສາຍດ່ວນ 1512', nameEn: '1512', languages: ['lo'] },
  { number: '1554', nameLo: 'ສາຍດ່ວນ 1554', nameEn: '1554', languages: ['lo', 'hmn'] },
];

// A counsellor moves her chat only to the queues of hotlines she serves, or to another
// language of the chat's own hotline (she may hold it after routing relaxed the hotline).
describe('where a counsellor may hand her chat', () => {
  it('lists the chat own hotline first, then her other hotlines, without the queue it is in', () => {
    const targets = transferTargets(
      { hotlines: ['1554', '1362'] },
      { hotline: '1362', language: 'lo' },
      hotlines,
    );
    expect(targets.map((t) => `${t.hotline}:${t.language}`)).toEqual([
      '1362:en',
      '1554:lo',
      '1554:hmn',
    ]);
  });

  it('includes the chat own hotline even when she does not serve it, and nothing else', () => {
    const me = { hotlines: ['1554'] };
    const chat = { hotline: '1512', language: 'lo' };
    expect(transferTargets(me, chat, hotlines).map((t) => t.hotline)).toEqual(['1554', '1554']);
    expect(mayTransferTo(me, chat, '1512')).toBe(true);
    expect(mayTransferTo(me, chat, '1362')).toBe(false);
  });
});
