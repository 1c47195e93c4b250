import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webchatBlocks, webchatOrigins } from '../../db/schema/index';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInWithTotp } from './support/sign-in';
import { findLeaks, visibleTexts } from './support/visible-text';

const FIRST = 'ສະບາຍດີ, ພວກເຮົາຟັງຢູ່. ທ່ານປອດໄພບໍ່?';
const SECOND = 'ສະບາຍດີ, ທ່ານຢູ່ບ່ອນໃດ? ພວກເຮົາຊ່ວຍໄດ້.';
const PARTNER = 'https://partner-site.example.org';

describe('chat settings administration (Lao)', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it(
    'an administrator adds and edits a Lao canned reply, adds a partner site and lifts a block',
    { timeout: 120_000 },
    async () => {
      // A counsellor blocked an abusive web chat visitor earlier (known only by a keyed hash).
      const [block] = await system.stores.database.db
        .insert(webchatBlocks)
        .values({
          visitorHash: 'e2e-visitor-hash',
          hotline: '1362',
          reason: 'abusive',
          expiresAt: new Date(Date.now() + 24 * 3_600_000),
        })
        .returning({ id: webchatBlocks.id });

      const page = await system.browser.newPage({ uiLanguage: 'en' });
      await signInWithTotp(page, system.login('admin'));
      await page.getByRole('button', { name: 'ລາວ' }).click();
      await page.getByRole('link', { name: 'ແຊັດ', exact: true }).click();
      await page.getByRole('combobox', { name: 'ສາຍດ່ວນ', exact: true }).selectOption('1362');
      // The hotline's channels as configured: its WhatsApp sender among them.
      await page.getByTestId('chat-channels').getByText('whatsapp:+85621136200').waitFor();

      // A canned reply in Lao: it appears in the list.
      await page.getByLabel('ຫົວຂໍ້').fill('ທັກທາຍ');
      await page.getByLabel('ຂໍ້ຄວາມ', { exact: true }).fill(FIRST);
      await page.getByRole('button', { name: 'ເພີ່ມຄຳຕອບ' }).click();
      await page.getByRole('status').getByText('ເພີ່ມ "ທັກທາຍ" ແລ້ວ.').waitFor();
      const replies = page.getByTestId('canned-replies');
      await replies.getByText(FIRST).waitFor();
      await screenshot(page, 'admin-chat-canned-lo');

      // Edited: the new text is there and the old one is gone.
      await page.getByRole('button', { name: 'ແກ້ໄຂ ທັກທາຍ' }).click();
      await page.getByLabel('ຂໍ້ຄວາມ', { exact: true }).fill(SECOND);
      await page.getByRole('button', { name: 'ບັນທຶກ', exact: true }).click();
      await page.getByRole('status').getByText('ບັນທຶກ "ທັກທາຍ" ແລ້ວ.').waitFor();
      await replies.getByText(SECOND).waitFor();
      expect(await replies.textContent()).not.toContain(FIRST);

      // A partner site: a malformed address is explained, a good one is kept.
      await page.getByLabel('ທີ່ຢູ່ເວັບໄຊ').fill(`${PARTNER}/contact`);
      await page.getByRole('button', { name: 'ເພີ່ມເວັບໄຊ' }).click();
      await page.getByText('ທີ່ຢູ່ນີ້ໃຊ້ບໍ່ໄດ້').waitFor();
      await page.getByLabel('ທີ່ຢູ່ເວັບໄຊ').fill(PARTNER);
      await page.getByRole('button', { name: 'ເພີ່ມເວັບໄຊ' }).click();
      await page.getByTestId('partner-sites').getByText(PARTNER).waitFor();
      expect(await page.getByText('ທີ່ຢູ່ນີ້ໃຊ້ບໍ່ໄດ້').count()).toBe(0);
      const origins = await system.stores.database.db
        .select({ origin: webchatOrigins.origin })
        .from(webchatOrigins)
        .where(eq(webchatOrigins.hotline, '1362'));
      expect(origins.map((o) => o.origin)).toContain(PARTNER);

      // The block is listed with its reason, then lifted: the list says none is left.
      const blocks = page.getByTestId('webchat-blocks');
      await blocks.getByText('ໃຊ້ຄຳຫຍາບ / ລ່ວງລະເມີດ').waitFor();
      await blocks.scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-chat-sites-blocks-lo');
      const leaks = findLeaks(await visibleTexts(page), [
        'WhatsApp',
        'Messenger',
        'SMS',
        'SHA-256',
        'Twilio Conversations',
        'checkin',
        'English',
        // The demo administrator's name, as typed.
        'Administrator Keo',
        PARTNER,
        'https://partner.example',
        'https://',
        /whatsapp:\+\d+/g,
        /messenger:\d+/g,
        /\+\d{8,}/g,
        /\b(?:IS|HX)[0-9a-f]{32}\b/g,
        /e2e-\w+/g,
        /admin-e2e-\w+/g,
      ]);
      expect(leaks).toEqual([]);
      await page.getByRole('button', { name: 'ຍົກເລີກການບລັອກ' }).click();
      await page.getByRole('status').getByText('ຍົກເລີກການບລັອກແລ້ວ.').waitFor();
      await page.getByText('ບໍ່ມີຜູ້ເຂົ້າຊົມທີ່ຖືກບລັອກ.').waitFor();
      expect(await blocks.count()).toBe(0);
      const left = await system.stores.database.db
        .select()
        .from(webchatBlocks)
        .where(eq(webchatBlocks.id, block?.id ?? ''));
      expect(left).toEqual([]);

      // The same screen in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Canned replies' }).waitFor();
      await page.getByTestId('canned-replies').getByText('Lao').waitFor();
      await page.getByRole('heading', { name: 'Canned replies' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-chat-canned-en');
    },
  );
});
