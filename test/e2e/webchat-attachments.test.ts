import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/screenshots';
import { findLeaks, visibleTexts } from './support/visible-text';
import { webchatSuite } from './support/webchat-partner';

// A visitor attaches a photo in the web chat widget (Lao): a program or a file over 5 MB is
// refused in the widget with the reason; the photo reaches the counsellor's Lao desk, named in
// the transcript and listed as kept encrypted with its SHA-256, never shown by itself. Nothing
// of it stays in the visitor's browser.
const lo = {
  available: 'ພ້ອມຮັບສາຍ',
  acceptChat: 'ຮັບແຊັດ',
  // The widget's words (webchat.strings.ts).
  attach: 'ແນບໄຟລ໌',
  typeRefused: 'ສົ່ງໄດ້ສະເພາະຮູບ, ສຽງ ຫຼື ເອກະສານ PDF ເທົ່ານັ້ນ.',
  tooLarge: 'ໄຟລ໌ນີ້ໃຫຍ່ເກີນໄປ. ສົ່ງໄດ້ບໍ່ເກີນ 5 MB.',
  sentFile: 'ໄຟລ໌: ໜັງສືຜ່ານແດນ.png',
  sending: 'ກຳລັງສົ່ງ…',
  // The desk's words (chat.strings.ts, chat-extras.strings.ts).
  deskFile: 'ສົ່ງໄຟລ໌: ໜັງສືຜ່ານແດນ.png',
  stored: 'ເກັບໄວ້ແບບເຂົ້າລະຫັດ',
  download: 'ດາວໂຫຼດ',
};
const FIRST = 'ຂ້ອຍມີຮູບໜັງສືຜ່ານແດນ';
const PHOTO = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(400_000)]);

const suite = webchatSuite();
const { desk } = suite;

describe('a file from the web chat widget', () => {
  it('is refused in the widget when not allowed, and reaches the desk when it is', async () => {
    const noy = await desk('counsellor');
    await noy.getByRole('button', { name: lo.available, exact: true }).click();
    const visitor = await suite.partner.visitor(FIRST);
    await noy.getByTestId('offer').waitFor({ timeout: 20_000 });
    await noy.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    const view = noy.getByTestId('chat-view');
    await view.getByText(FIRST).waitFor({ timeout: 30_000 });

    const picker = visitor.locator('input[type="file"]');
    expect(await visitor.getByRole('button', { name: lo.attach, exact: true }).count()).toBe(1);
    // A program: refused before anything is sent, with the reason.
    await picker.setInputFiles({
      name: 'setup.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    });
    await visitor.getByText(lo.typeRefused).waitFor();
    // Over 5 MB: refused the same way.
    await picker.setInputFiles({
      name: 'video.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(5_100_000, 1),
    });
    await visitor.getByText(lo.tooLarge).waitFor();
    expect(await visitor.getByText(lo.typeRefused).count()).toBe(0);
    await screenshot(visitor, 'webchat-attachment-refused-lo');

    await picker.setInputFiles({ name: 'ໜັງສືຜ່ານແດນ.png', mimeType: 'image/png', buffer: PHOTO });
    await visitor.getByText(lo.sentFile).waitFor();
    await expect.poll(() => visitor.getByText(lo.sending).count()).toBe(0);
    expect(await visitor.getByText(lo.tooLarge).count()).toBe(0);
    await screenshot(visitor, 'webchat-attachment-sent-lo');
    expect(
      findLeaks(await visibleTexts(visitor), ['Partner organisation', 'ໜັງສືຜ່ານແດນ.png', /\d+ MB/]),
    ).toEqual([]);

    // On the desk: named in the transcript, listed as kept with its SHA-256, not shown.
    await view.getByTestId('chat-msg-file').getByText(lo.deskFile).waitFor({ timeout: 20_000 });
    const list = view.getByTestId('chat-attachments');
    await list.getByText(lo.stored).waitFor({ timeout: 20_000 });
    const row = list.locator('tbody tr');
    expect(await row.count()).toBe(1);
    const sha = createHash('sha256').update(PHOTO).digest('hex');
    expect(await row.locator('code').getAttribute('title')).toBe(sha);
    expect(await row.getByRole('link', { name: /ດາວໂຫຼດ/ }).count()).toBe(1);
    expect(await view.locator('img, audio, video, embed, object, iframe').count()).toBe(0);
    await screenshot(noy, 'desk-chat-web-attachment-lo');
    expect(
      findLeaks(await visibleTexts(noy), [
        'ໜັງສືຜ່ານແດນ.png',
        'image/png',
        'SHA-256',
        /^[0-9a-f]{12}…$/,
        /Counsellor \w+/,
        /\d{4}/,
        /\d+ KB/,
      ]),
    ).toEqual([]);

    // Nothing of the chat or the file is kept in the visitor's browser.
    const kept = await visitor.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      databases: (await indexedDB.databases()).length,
    }));
    expect(kept).toEqual({ local: 0, session: 0, cookies: '', databases: 0 });
  }, 150_000);
});
