import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TChatEndReason, TChatMessageNotice } from '../../src/contracts/chat';
import { webchatOrigins } from '../../db/schema/webchat';
import { eventually } from '../fixtures/routing-harness';
import { screenshot } from './support/screenshots';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { findLeaks } from './support/visible-text';

// The partner's site: its own server and origin on this machine (a browser lets a page on a public
// address load nothing from loopback, so the test's "partner" lives on loopback too).
let partner: Server;
let PARTNER = '';
const EXIT = 'https://www.google.com/search?q=weather';

let system: TE2eSystem;
/** What the chat module stored and how its conversations ended. */
const received: TChatMessageNotice[] = [];
const ended: Array<{ id: string; reason: TChatEndReason }> = [];

beforeAll(async () => {
  system = await startE2eSystem();
  partner = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/probe') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        probes.push(JSON.parse(body) as object);
        res.end();
      });
      return;
    }
    const page = req.url === '/' || req.url === '/?probe';
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ? partnerHtml(req.url === '/?probe') : '');
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  PARTNER = `http://localhost:${(partner.address() as AddressInfo).port}`;
  await system.stores.database.db
    .insert(webchatOrigins)
    .values({ hotline: '1362', origin: PARTNER });
  system.app.chat.notices.onMessage((notice) => {
    if (notice.message.direction === 'inbound') received.push(notice);
  });
  system.app.chat.notices.onConversation((c) => {
    if (c.state === 'ended' && c.endReason) ended.push({ id: c.id, reason: c.endReason });
  });
}, 180_000);
afterAll(async () => {
  partner?.close();
  await system?.stop();
});

const probes: object[] = [];
// The probe tells the test what was still on the page when the browser left it.
const PROBE = `<script>addEventListener('pagehide', () => navigator.sendBeacon('/probe', JSON.stringify({
  widget: document.querySelectorAll('[data-saiduan-webchat]').length,
  font: [...document.fonts].some((f) => f.family.includes('Saiduan')),
})));</script>`;

const partnerHtml = (probe: boolean) => `<!doctype html><html lang="lo"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner</title></head>
  <body style="font-family:sans-serif"><h1>Partner organisation</h1><p>News and services.</p>
  ${probe ? PROBE : ''}
  <script src="${system.baseURL}/webchat.js" data-hotline="1362" async></script></body></html>`;

/** A partner's page with the one script tag, on a phone-sized screen. */
async function partnerPage(path = '/'): Promise<Page> {
  const page = await system.browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.route('https://www.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>weather</title><p>Weather</p>' }),
  );
  await page.goto(`${PARTNER}${path}`);
  return page;
}

/** What a visitor can read in the widget (its shadow root), minus text marked as another language. */
function widgetTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-saiduan-webchat]')?.shadowRoot;
    if (!root) return [];
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || !text || parent.closest('style')) continue;
      const marked = parent.closest('[lang]');
      if (marked && marked.getAttribute('lang') !== 'lo') continue;
      if (parent.getClientRects().length) out.push(text);
    }
    for (const el of root.querySelectorAll('[placeholder], [aria-label], [title]'))
      for (const attr of ['placeholder', 'aria-label', 'title'])
        if (el.getAttribute(attr) && el.closest('[lang]')?.getAttribute('lang') === 'lo')
          out.push(el.getAttribute(attr) ?? '');
    return out;
  });
}

/** Everything a browser could have kept for either site. */
async function storedInBrowser(page: Page) {
  const here = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    indexedDb: (await indexedDB.databases()).length,
  }));
  return { ...here, cookies: (await page.context().cookies()).length };
}

const nothingStored = { local: 0, session: 0, cookie: '', indexedDb: 0, cookies: 0 };

describe('the web chat widget on a partner site', () => {
  it('pre-chat in Lao, a message reaches the hotline, the reply shows, quick exit leaves nothing', async () => {
    const page = await partnerPage();
    await page.getByRole('button', { name: 'ແຊັດກັບສາຍດ່ວນ' }).click();
    await page.getByText('ທ່ານຢາກລົມເປັນພາສາໃດ?').waitFor();
    await page.getByText('ຕອນນີ້ທ່ານແຊັດໄດ້ຢ່າງປອດໄພບໍ?').waitFor();
    await page.getByRole('button', { name: 'ອອກດ່ວນ' }).waitFor();
    // Lao first, then the hotline's other languages, each also in its own name.
    const languages = await page
      .getByRole('radio')
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLInputElement).name === 'language')
          .map((e) => (e as HTMLInputElement).value),
      );
    expect(languages[0]).toBe('lo');
    expect(languages).toEqual(expect.arrayContaining(['en', 'hmn']));
    await page.getByText('ບໍ່ປອດໄພ', { exact: true }).click();
    await page.getByText(/ກົດ "ອອກດ່ວນ" ທັນທີ/).waitFor();
    await screenshot(page, 'webchat-prechat-lo');
    expect(findLeaks(await widgetTexts(page), ['1362', '1191'])).toEqual([]);

    await page.getByPlaceholder('ຊື່ຫຼິ້ນ ຫຼື ຊື່ໃດກໍໄດ້').fill('ນ້ອຍ');
    await page.getByText('ປອດໄພ', { exact: true }).click();
    await page.getByRole('button', { name: 'ເລີ່ມແຊັດ' }).click();
    await page.getByText('ກະລຸນາລໍຖ້າຈັກໜ້ອຍ, ຜູ້ໃຫ້ຄຳປຶກສາຈະຕອບທ່ານໄວໆນີ້.').waitFor();
    const box = page.getByPlaceholder('ພິມຂໍ້ຄວາມຂອງທ່ານ…');
    await box.fill('ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ ແລະ ອອກມາບໍ່ໄດ້');
    await box.press('Enter');
    await eventually(() =>
      expect(received.map((m) => m.message.text)).toEqual(['ຂ້ອຍຖືກບັງຄັບໃຫ້ເຮັດວຽກ ແລະ ອອກມາບໍ່ໄດ້']),
    );
    const { conversationId } = received[0] as TChatMessageNotice;
    expect(received[0]).toMatchObject({ channel: 'web', hotline: '1362' });
    expect(await storedInBrowser(page)).toEqual(nothingStored);

    // The counsellor's answer, through the chat module's outbox as the desk sends it.
    const counsellor = system.logins.find((l) => l.role === 'counsellor');
    const [staff] = await system.stores.database.sql<Array<{ id: string }>>`
      select id from staff_users where username = ${counsellor?.username ?? ''}`;
    const sent = await system.app.chat.outbox.send(
      {
        conversationId,
        text: 'ສະບາຍດີ ນ້ອຍ, ຂ້ອຍຊື່ ແກ້ວ. ຕອນນີ້ເຈົ້າຢູ່ໃສ?',
        templateKey: null,
      },
      { kind: 'staff', staffUserId: staff?.id ?? '' },
    );
    expect(sent).toMatchObject({ status: 'sent' });
    await page.getByText('ສະບາຍດີ ນ້ອຍ, ຂ້ອຍຊື່ ແກ້ວ. ຕອນນີ້ເຈົ້າຢູ່ໃສ?').waitFor();
    await page.getByText('ຜູ້ໃຫ້ຄຳປຶກສາ', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('ກະລຸນາລໍຖ້າຈັກໜ້ອຍ').count()).toBe(0);
    await screenshot(page, 'webchat-conversation-lo');
    expect(findLeaks(await widgetTexts(page), ['1362'])).toEqual([]);

    // The same window in English, from the widget's own switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Quick exit' }).waitFor();
    await page.getByRole('button', { name: 'End chat' }).waitFor();
    await screenshot(page, 'webchat-conversation-en');

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(EXIT);
    await eventually(() => expect(ended).toEqual([{ id: conversationId, reason: 'quick_exit' }]));
    // Replaced, not pushed: Back does not return to the page with the chat.
    await page.goBack();
    expect(page.url()).not.toContain(PARTNER);
    // Back on the partner's site: nothing kept, nothing to resume, a fresh button.
    await page.goto(`${PARTNER}/`);
    expect(await storedInBrowser(page)).toEqual(nothingStored);
    await page.getByRole('button', { name: 'ແຊັດກັບສາຍດ່ວນ' }).click();
    await page.getByText('ທ່ານຢາກລົມເປັນພາສາໃດ?').waitFor();
    expect(await page.getByText('ສະບາຍດີ ນ້ອຍ').count()).toBe(0);
  }, 120_000);

  it('quick exit takes the widget and its font off the page before it goes, even mid-way through the pre-chat', async () => {
    const page = await partnerPage('/?probe');
    await page.getByRole('button', { name: 'ແຊັດກັບສາຍດ່ວນ' }).click();
    await page.getByPlaceholder('ຊື່ຫຼິ້ນ ຫຼື ຊື່ໃດກໍໄດ້').fill('ນາງ ກ');
    await page.getByRole('button', { name: 'ອອກດ່ວນ' }).click();
    await page.waitForURL(EXIT);
    // What the partner's page itself saw as it was left (its own probe, sent on pagehide).
    await eventually(() => expect(probes).toHaveLength(1));
    expect(probes[0]).toEqual({ widget: 0, font: false });
  }, 90_000);
});
