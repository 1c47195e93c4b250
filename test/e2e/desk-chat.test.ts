import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { webchatOrigins } from '../../db/schema/webchat';
import { chatCannedReplies } from '../../db/schema/chat';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn } from './support/sign-in';
import { findLeaks, visibleTexts } from './support/visible-text';

// A visitor writes in the web chat widget on a partner's page; the counsellor answers in the Lao
// desk. Then a WhatsApp user writes through the simulator's control API and it reaches the desk.
const lo = {
  goAvailable: 'ພ້ອມຮັບສາຍ',
  available: 'ພ້ອມຮັບສາຍ',
  endWrapUp: 'ສຳເລັດ, ພ້ອມຮັບສາຍຕໍ່',
  chatOffer: 'ແຊັດເຂົ້າ',
  onWeb: 'ແຊັດທາງ ແຊັດໃນເວັບໄຊ',
  onWhatsapp: 'ແຊັດທາງ WhatsApp',
  acceptChat: 'ຮັບແຊັດ',
  reply: 'ຂໍ້ຄວາມຕອບ',
  quickExit: 'ຜູ້ຕິດຕໍ່ອອກໄປຢ່າງໄວ (ອາດບໍ່ປອດໄພ). ຢ່າຕິດຕໍ່ກັບຄືນເອງ.',
  webChannel: 'ແຊັດໃນເວັບໄຊ',
  // The widget's words (webchat.strings.ts).
  launcher: 'ແຊັດກັບສາຍດ່ວນ',
  safe: 'ປອດໄພ',
  start: 'ເລີ່ມແຊັດ',
  typeHere: 'ພິມຂໍ້ຄວາມຂອງທ່ານ…',
  counsellorTyping: 'ຜູ້ໃຫ້ຄຳປຶກສາກຳລັງພິມ…',
  // The desk's words (chat.strings.ts).
  visitorTyping: 'ຜູ້ຕິດຕໍ່ກຳລັງພິມ…',
  exit: 'ອອກດ່ວນ',
};
const EXIT = 'https://www.google.com/search?q=weather';

let system: TE2eSystem;
let partner: Server;
let PARTNER = '';

beforeAll(async () => {
  system = await startE2eSystem({ env: { ROUTING_WRAP_UP_MS: '0' } });
  partner = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      req.url === '/'
        ? `<!doctype html><html lang="lo"><head><meta charset="utf-8"><title>Partner</title></head>
  <body><h1>Partner organisation</h1>
  <script src="${system.baseURL}/webchat.js" data-hotline="1362" async></script></body></html>`
        : '',
    );
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  PARTNER = `http://localhost:${(partner.address() as AddressInfo).port}`;
  await system.stores.database.db
    .insert(webchatOrigins)
    .values({ hotline: '1362', origin: PARTNER });
}, 180_000);
afterAll(async () => {
  partner?.close();
  await system?.stop();
});

async function visitorPage(): Promise<Page> {
  const page = await system.browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.route('https://www.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>weather</title><p>Weather</p>' }),
  );
  await page.goto(`${PARTNER}/`);
  return page;
}

const banners = (desk: Page) => desk.getByTestId('offer').count();

describe('a chat on the Lao desk', () => {
  it('web chat: offer says chat, accept, both write, typing shows, quick exit is told', async () => {
    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await desk.setViewportSize({ width: 1280, height: 1000 });
    await signIn(desk, system.login('counsellor'));
    await desk.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    await expect.poll(() => desk.getByTestId('presence-state').textContent()).toBe(lo.available);

    const visitor = await visitorPage();
    await visitor.getByRole('button', { name: lo.launcher }).click();
    await visitor.getByText(lo.safe, { exact: true }).click();
    await visitor.getByRole('button', { name: lo.start }).click();
    const box = visitor.getByPlaceholder(lo.typeHere);
    await box.fill('ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ');
    await box.press('Enter');

    const banner = desk.getByTestId('offer');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.getAttribute('data-channel')).toBe('chat');
    await banner.getByRole('heading', { name: lo.chatOffer }).waitFor();
    await expect.poll(() => desk.getByTestId('offer-channel').textContent()).toBe(lo.onWeb);
    await screenshot(desk, 'desk-chat-offer-lo');
    await desk.getByRole('button', { name: lo.acceptChat, exact: true }).click();

    const view = desk.getByTestId('chat-view');
    await view.waitFor({ timeout: 30_000 });
    await expect.poll(() => banners(desk)).toBe(0);
    await view.getByText('ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ').waitFor();
    expect(await view.getByTestId('chat-channel').textContent()).toBe(lo.webChannel);

    // She types: the visitor sees it; she sends: the visitor reads it.
    const reply = view.getByLabel(lo.reply);
    await reply.fill('ສະບາຍດີ, ຕອນນີ້ເຈົ້າປອດໄພບໍ?');
    await visitor.getByText(lo.counsellorTyping).waitFor();
    await reply.press('Enter');
    await visitor.getByText('ສະບາຍດີ, ຕອນນີ້ເຈົ້າປອດໄພບໍ?').waitFor();
    await expect.poll(() => reply.inputValue()).toBe('');
    await expect.poll(() => visitor.getByText(lo.counsellorTyping).count()).toBe(0);

    // The visitor types: her counsellor sees it. The server passes on one typing notice per
    // visitor every 2 s, and her first message was typed just before, so wait that out first.
    await visitor.waitForTimeout(2100);
    await box.pressSequentially('ປອດ');
    await view.getByText(lo.visitorTyping).waitFor();

    // The visitor writes back: it reaches the desk without a reload.
    await box.fill('ປອດໄພ');
    await box.press('Enter');
    await view.getByText('ປອດໄພ', { exact: true }).waitFor();
    // Oldest at the top, newest at the bottom.
    const order = await view
      .getByTestId('chat-transcript')
      .locator('[data-direction] .chat-msg__text')
      .allTextContents();
    expect(order).toEqual(['ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ', 'ສະບາຍດີ, ຕອນນີ້ເຈົ້າປອດໄພບໍ?', 'ປອດໄພ']);
    await screenshot(desk, 'desk-chat-conversation-lo');
    // The counsellor's own name in the header is data, not an interface string.
    expect(findLeaks(await visibleTexts(desk), ['1362', '1554', '1512', /Counsellor Noy/])).toEqual(
      [],
    );

    // Quick exit: the desk is told, the reply box goes.
    await visitor.getByRole('button', { name: lo.exit }).click();
    await visitor.waitForURL(EXIT);
    await expect.poll(() => view.getByTestId('chat-ended').textContent()).toBe(lo.quickExit);
    expect(await view.getByLabel(lo.reply).count()).toBe(0);
    await screenshot(desk, 'desk-chat-visitor-left-lo');
  }, 150_000);

  it('a WhatsApp message through the simulator reaches the desk', async () => {
    const desk = await system.browser.newPage({ uiLanguage: 'lo' });
    await desk.setViewportSize({ width: 1280, height: 1000 });
    await signIn(desk, system.login('counsellor'));
    const state = desk.getByTestId('presence-state');
    await state.waitFor();
    if ((await state.textContent()) !== lo.available) {
      const ready = desk.getByRole('button', { name: lo.endWrapUp, exact: true });
      if (await ready.count()) await ready.click();
      else await desk.getByRole('button', { name: lo.goAvailable, exact: true }).click();
    }
    await expect.poll(() => state.textContent()).toBe(lo.available);

    // An administrator's canned reply, and a photo the WhatsApp user sends with the message.
    const canned = 'ສະບາຍດີ, ພວກເຮົາຢູ່ນີ້ເພື່ອຊ່ວຍເຈົ້າ';
    await system.stores.database.db
      .insert(chatCannedReplies)
      .values({ hotline: '1362', language: 'lo', title: 'ທັກທາຍ', body: canned });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const wrote = await system.sim.app.inject({
      method: 'POST',
      url: '/sim/chat/messages',
      payload: {
        hotline: '1362',
        channel: 'whatsapp',
        from: '+66812345001',
        text: 'ຊ່ວຍແດ່',
        media: [
          {
            contentType: 'image/png',
            filename: 'ຫຼັກຖານ.png',
            size: png.length,
            contentBase64: png.toString('base64'),
          },
        ],
      },
    });
    expect(wrote.statusCode).toBe(200);
    await desk.getByTestId('offer').waitFor({ timeout: 20_000 });
    await expect.poll(() => desk.getByTestId('offer-channel').textContent()).toBe(lo.onWhatsapp);
    await desk.getByRole('button', { name: lo.acceptChat, exact: true }).click();
    const view = desk.getByTestId('chat-view');
    await view.getByText('ຊ່ວຍແດ່', { exact: true }).waitFor();
    expect(await view.getByTestId('chat-channel').textContent()).toBe('WhatsApp');
    await expect.poll(() => banners(desk)).toBe(0);

    // The photo is listed with a download button, and never shown by itself.
    await view
      .getByRole('button', { name: 'ດາວໂຫຼດ ຫຼັກຖານ.png' })
      .or(view.getByRole('link', { name: 'ດາວໂຫຼດ ຫຼັກຖານ.png' }))
      .waitFor({ timeout: 20_000 });
    expect(await view.locator('img').count()).toBe(0);
    await screenshot(desk, 'desk-chat-extras-lo');

    // Her reply, from the canned replies, reaches the WhatsApp user.
    await view.getByRole('button', { name: 'ໃຊ້ "ທັກທາຍ"' }).click();
    await expect.poll(() => view.getByLabel(lo.reply).inputValue()).toBe(canned);
    await view.getByLabel(lo.reply).press('Enter');
    // Sent, the box is empty again for her next words.
    await expect.poll(() => view.getByLabel(lo.reply).inputValue()).toBe('');
    await expect
      .poll(async () => {
        const inbox = await system.sim.app.inject({
          method: 'GET',
          url: '/sim/chat/inbox?channel=whatsapp&from=%2B66812345001',
        });
        return JSON.stringify(inbox.json());
      })
      .toContain(canned);
  }, 120_000);
});
