import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit';
import { goAvailable } from './support/lao-desk';
import { screenshot } from './support/screenshots';
import { findLeaks, visibleTexts } from './support/visible-text';
import { webchatSuite } from './support/webchat-partner';

// A web chat on the Lao desk is handed to another language's queue: it leaves the first desk
// and reaches a Thai-speaking counsellor with everything said so far. She then ends it with a
// reason: the chat goes from her desk and the visitor is told.
const lo = {
  available: 'ພ້ອມຮັບສາຍ',
  acceptChat: 'ຮັບແຊັດ',
  reply: 'ຂໍ້ຄວາມຕອບ',
  transfer: 'ໂອນແຊັດ',
  transferTo: 'ໂອນໄປ',
  thaiQueue: 'ແຖວພາສາໄທ',
  transferConfirm: 'ໂອນ',
  noChats: 'ທ່ານບໍ່ມີແຊັດທີ່ເປີດຢູ່.',
  thai: 'ໄທ',
  end: 'ຈົບແຊັດ',
  endTitle: 'ຈົບແຊັດນີ້ບໍ?',
  reason: 'ເຫດຜົນ',
  noReply: 'ບໍ່ມີການຕອບ',
  endConfirm: 'ຢືນຢັນຈົບແຊັດ',
  ended: 'ແຊັດນີ້ຈົບແລ້ວ.',
  close: 'ປິດແຖບນີ້',
  // The widget's words (webchat.strings.ts).
  visitorTold: 'ການແຊັດນີ້ໄດ້ຈົບລົງແລ້ວ. ຂອບໃຈທີ່ຕິດຕໍ່ມາຫາພວກເຮົາ.',
  typeHere: 'ພິມຂໍ້ຄວາມຂອງທ່ານ…',
};
const FIRST = 'ຂ້ອຍຢູ່ປະເທດໄທ, ເຂົາເອົາໜັງສືຜ່ານແດນຂ້ອຍໄປ';
const REPLY = 'ເຈົ້າຢູ່ແຂວງໃດ?';

let visitor: Page;
let first: Page;
let second: Page;

const suite = webchatSuite();
const { desk } = suite;

describe('a chat handed on and ended on the Lao desk', () => {
  it('transfers to the Thai queue: the chat leaves the first desk and reaches the second with its transcript', async () => {
    // Noy speaks Lao and English; the second counsellor Lao, Hmong and Thai, not yet available.
    first = await desk('counsellor');
    second = await desk('counsellor2');
    await goAvailable(first);
    visitor = await suite.partner.visitor(FIRST);

    await first.getByTestId('offer').waitFor({ timeout: 20_000 });
    await first.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    const view = first.getByTestId('chat-view');
    await view.getByText(FIRST).waitFor({ timeout: 30_000 });
    await view.getByLabel(lo.reply).fill(REPLY);
    await view.getByLabel(lo.reply).press('Enter');
    await visitor.getByText(REPLY).waitFor();

    await view.getByRole('button', { name: lo.transfer, exact: true }).click();
    const dialog = view.getByRole('dialog', { name: lo.transferTo });
    await dialog.getByRole('combobox').selectOption({ label: lo.thaiQueue });
    await screenshot(first, 'desk-chat-transfer-lo');
    await dialog.getByRole('button', { name: lo.transferConfirm, exact: true }).click();

    // Gone from the first desk: no view, no reply box, her list says she holds no chat.
    await view.waitFor({ state: 'detached', timeout: 10_000 });
    await first.getByTestId('chat-none').getByText(lo.noChats).waitFor();
    expect(await first.getByLabel(lo.reply).count()).toBe(0);
    expect(await first.getByText(FIRST).count()).toBe(0);
    await screenshot(first, 'desk-chat-transferred-away-lo');

    // The Thai-speaking counsellor is offered it and reads everything said so far.
    // The waiting chat is offered the moment she is available, so her state may already read
    // "incoming" when looked at: the offer itself is what she sees.
    await second.getByRole('button', { name: lo.available, exact: true }).click();
    await second.getByTestId('offer').waitFor({ timeout: 20_000 });
    expect(await second.getByTestId('offer').getAttribute('data-channel')).toBe('chat');
    await second.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    const there = second.getByTestId('chat-view');
    await there.getByText(FIRST).waitFor({ timeout: 30_000 });
    await there.getByText(REPLY).waitFor();
    // Its language is now Thai.
    await there.locator('.chat-view__facts').getByText(lo.thai, { exact: true }).waitFor();
    // The visitor goes on writing, and it reaches her, not the first desk.
    const box = visitor.getByPlaceholder(lo.typeHere);
    await box.fill('ແຂວງສະຫວັນນະເຂດ');
    await box.press('Enter');
    await there.getByText('ແຂວງສະຫວັນນະເຂດ').waitFor();
    expect(await first.getByText('ແຂວງສະຫວັນນະເຂດ').count()).toBe(0);
    await screenshot(second, 'desk-chat-transferred-in-lo');
    expect(
      findLeaks(await visibleTexts(second), ['1362', '1554', '1512', /Counsellor \w+/]),
    ).toEqual([]);
  }, 150_000);

  it('ends with a reason after a confirmation: the chat goes from the desk and the visitor is told', async () => {
    const view = second.getByTestId('chat-view');
    await view.getByRole('button', { name: lo.end, exact: true }).click();
    const dialog = view.getByRole('dialog', { name: lo.endTitle });
    await dialog.getByLabel(lo.reason).selectOption({ label: lo.noReply });
    await screenshot(second, 'desk-chat-end-confirm-lo');
    // Nothing ends before the confirmation: the visitor can still write.
    expect(await visitor.getByPlaceholder(lo.typeHere).count()).toBe(1);
    await dialog.getByRole('button', { name: lo.endConfirm, exact: true }).click();

    // The desk says it ended; the reply box and the actions go.
    await view.getByTestId('chat-ended').getByText(lo.ended).waitFor({ timeout: 10_000 });
    expect(await view.getByLabel(lo.reply).count()).toBe(0);
    expect(await view.getByRole('button', { name: lo.end, exact: true }).count()).toBe(0);
    // The visitor is told, and can no longer write into it.
    await visitor.getByText(lo.visitorTold).waitFor({ timeout: 10_000 });
    await expect.poll(() => visitor.getByPlaceholder(lo.typeHere).count()).toBe(0);
    await screenshot(visitor, 'webchat-ended-by-counsellor-lo');
    await screenshot(second, 'desk-chat-ended-lo');

    // The reason she chose is on the record.
    const audited = await suite.system.stores.database.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.ended'), eq(auditLog.entityType, 'chat_conversation')));
    expect(audited.map((a) => a.data)).toEqual([{ reason: 'no_reply' }]);

    await view.getByRole('button', { name: lo.close, exact: true }).click();
    await second.getByTestId('chat-none').getByText(lo.noChats).waitFor();
    expect(await second.getByText(FIRST).count()).toBe(0);
  }, 60_000);
});
