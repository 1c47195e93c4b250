import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { webchatOrigins } from '../../../db/schema/webchat';
import { afterAll, beforeAll } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './e2e-system';
import { openLaoDesk } from './lao-desk';

/**
 * A partner organisation's page with the web chat script tag for `hotline`, its origin allowed;
 * `visitor()` opens it on a phone-sized page and starts a Lao chat marked safe to talk.
 */
export async function webchatPartner(system: TE2eSystem, hotline = '1362') {
  const server: Server = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      req.url === '/'
        ? `<!doctype html><html lang="lo"><head><meta charset="utf-8"><title>Partner</title></head>
  <body><h1>Partner organisation</h1>
  <script src="${system.baseURL}/webchat.js" data-hotline="${hotline}" async></script></body></html>`
        : '',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  await system.stores.database.db.insert(webchatOrigins).values({ hotline, origin });

  /** A visitor on the partner's page who opened a chat and wrote `first`. */
  async function visitor(first: string): Promise<Page> {
    const page = await system.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'ແຊັດກັບສາຍດ່ວນ' }).click();
    await page.getByText('ປອດໄພ', { exact: true }).click();
    await page.getByRole('button', { name: 'ເລີ່ມແຊັດ' }).click();
    const box = page.getByPlaceholder('ພິມຂໍ້ຄວາມຂອງທ່ານ…');
    await box.fill(first);
    await box.press('Enter');
    return page;
  }

  return { origin, visitor, close: () => server.close() };
}

/**
 * A web-chat browser test file's world, started once for the file: the system (no wrap-up, so a
 * chat handed on is offered at once) and a partner site with the widget; `desk` opens a Lao desk.
 */
export function webchatSuite() {
  const suite = {
    system: undefined as unknown as TE2eSystem,
    partner: undefined as unknown as Awaited<ReturnType<typeof webchatPartner>>,
    desk: (username: string) => openLaoDesk(suite.system, username),
  };
  beforeAll(async () => {
    suite.system = await startE2eSystem({ env: { ROUTING_WRAP_UP_MS: '0' } });
    suite.partner = await webchatPartner(suite.system);
  }, 180_000);
  afterAll(async () => {
    suite.partner?.close();
    await suite.system?.stop();
  });
  return suite;
}
