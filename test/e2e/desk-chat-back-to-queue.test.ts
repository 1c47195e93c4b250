import { describe, expect, it } from 'vitest';
import { goAvailable } from './support/lao-desk';
import { screenshot } from './support/screenshots';
import { findLeaks, visibleTexts } from './support/visible-text';
import { webchatSuite } from './support/webchat-partner';

// Noy hands a web chat back to the waiting queue from the Lao desk: it leaves her desk and is
// offered to the next counsellor (Kham), not to her again. Her menu offers the queues of the
// hotlines she serves (1362 and 1554), never the labour line 1512 she does not.
const lo = {
  available: 'ພ້ອມຮັບສາຍ',
  acceptChat: 'ຮັບແຊັດ',
  transfer: 'ໂອນແຊັດ',
  transferTo: 'ໂອນໄປ',
  queue: 'ກັບຄືນແຖວລໍຖ້າ',
  queueHint: 'ແຊັດຈະກັບໄປບ່ອນເດີມໃນແຖວ ແລະ ສົ່ງໃຫ້ຜູ້ໃຫ້ຄຳປຶກສາຄົນຕໍ່ໄປ.',
  youthEnglish: 'ສາຍດ່ວນ 1554 ຊາວໜຸ່ມ: ແຖວພາສາອັງກິດ',
  englishHere: 'ແຖວພາສາອັງກິດ',
  confirm: 'ໂອນ',
  noChats: 'ທ່ານບໍ່ມີແຊັດທີ່ເປີດຢູ່.',
};
const FIRST = 'ນາຍຈ້າງບໍ່ຈ່າຍເງິນເດືອນຂ້ອຍສາມເດືອນແລ້ວ';

const suite = webchatSuite();
const { desk } = suite;

describe('back to the queue on the Lao desk', () => {
  it('leaves her desk and is offered to the next counsellor, not to her', async () => {
    const noy = await desk('counsellor');
    const kham = await desk('counsellor2');
    await noy.getByRole('button', { name: lo.available, exact: true }).click();
    await suite.partner.visitor(FIRST);
    await noy.getByTestId('offer').waitFor({ timeout: 20_000 });
    await noy.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    const view = noy.getByTestId('chat-view');
    await view.getByText(FIRST).waitFor({ timeout: 30_000 });
    // Kham comes on shift while Noy holds the chat.
    await goAvailable(kham);

    await view.getByRole('button', { name: lo.transfer, exact: true }).click();
    const dialog = view.getByRole('dialog', { name: lo.transferTo });
    const choices = dialog.getByRole('combobox').locator('option');
    await expect.poll(() => choices.allTextContents()).toContain(lo.youthEnglish);
    const shown = await choices.allTextContents();
    expect(shown[0]).toBe(lo.queue);
    expect(shown).toContain(lo.englishHere);
    expect(shown.some((s) => s.includes('1512'))).toBe(false);
    await dialog.getByText(lo.queueHint).waitFor();
    await screenshot(noy, 'desk-chat-back-to-queue-menu-lo');
    expect(findLeaks(await visibleTexts(noy), [/Counsellor \w+/, /\d{4}/])).toEqual([]);
    await dialog.getByRole('button', { name: lo.confirm, exact: true }).click();

    // Gone from her desk, and the offer goes to Kham.
    await view.waitFor({ state: 'detached', timeout: 10_000 });
    await noy.getByTestId('chat-none').getByText(lo.noChats).waitFor();
    await kham.getByTestId('offer').waitFor({ timeout: 20_000 });
    expect(await kham.getByTestId('offer').getAttribute('data-channel')).toBe('chat');
    expect(await noy.getByTestId('offer').count()).toBe(0);
    expect(await noy.getByText(FIRST).count()).toBe(0);
    await screenshot(noy, 'desk-chat-back-to-queue-gone-lo');
    await kham.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    await kham.getByTestId('chat-view').getByText(FIRST).waitFor({ timeout: 30_000 });
    await screenshot(kham, 'desk-chat-back-to-queue-offered-lo');
    expect(await noy.getByTestId('offer').count()).toBe(0);
  }, 150_000);
});
