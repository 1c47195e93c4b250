import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signInThenSwitchToLao } from './support/sign-in';

/** The cells of a report row, found by its Lao heading in the table with that Lao caption. */
async function rowCells(page: Page, caption: string, row: string): Promise<string[]> {
  const table = page.locator('table.report-table', {
    has: page.getByText(caption, { exact: true }),
  });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
    .locator('td')
    .allTextContents();
}

describe('the reports screen in Lao shows chats beside calls', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
    // This year on hotline 1362: a call answered, and a WhatsApp chat a counsellor took, each a
    // counselling contact about a person.
    const sql = system.stores.database.sql;
    const [counsellor] = await sql<Array<{ id: string }>>`
      select id from staff_users where role = 'counsellor' limit 1`;
    await sql`insert into calls (call_sid, hotline, status, route, queue_result, started_at, enqueued_at, left_queue_at)
      values ('CA-e2e-channels', '1362', 'completed', 'queued', 'redirected', now() - interval '2 hours',
        now() - interval '2 hours', now() - interval '119 minutes')`;
    for (const channel of ['call', 'chat']) {
      const person = randomUUID();
      const caseId = randomUUID();
      const contact = randomUUID();
      await sql`insert into people (id, hotline, sex, nationalities, victim_status)
        values (${person}, '1362', 'female', '{LA}', 'possible')`;
      await sql`insert into cases (id, code, hotline) values (${caseId}, ${`E2E-${channel}`}, '1362')`;
      await sql`insert into case_people (case_id, person_id, role) values (${caseId}, ${person}, 'victim')`;
      await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
        values (${contact}, ${caseId}, '1362', ${channel}, 'lo', 'self', 'crisis', now() - interval '2 hours')`;
      if (channel === 'chat')
        await sql`insert into chat_conversations (hotline, channel, provider, provider_ref, contact_hash,
            address_enc, language, state, routing, assigned_to, contact_id, started_at, ended_at)
          values ('1362', 'whatsapp', 'twilio', 'CH-e2e-channels', 'hash-e2e', 'sealed', 'lo', 'ended', 'queued',
            ${counsellor?.id ?? null}, ${contact}, now() - interval '2 hours', now() - interval '1 hour')`;
    }
  }, 180_000);
  afterAll(async () => system?.stop(), 120_000);

  it('operations by channel and counselling by mode, in Lao', async () => {
    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signInThenSwitchToLao(page, system.login('supervisor'));
    await page.goto('/reports');
    await page.locator('.reports__table').first().waitFor();
    await page.getByRole('button', { name: 'ການດຳເນີນງານສາຍດ່ວນ' }).click();
    const byChannel = 'ສາຍໂທ ແລະ ແຊັດ ແຍກຕາມຊ່ອງທາງ';
    await page.getByText(byChannel, { exact: true }).waitFor();
    // received, answered, not answered
    expect(await rowCells(page, byChannel, 'WhatsApp')).toEqual(['1', '1', '0']);
    expect(await rowCells(page, byChannel, 'ໂທລະສັບ (ສາຍດ່ວນ)')).toEqual(['1', '1', '0']);
    expect(await rowCells(page, byChannel, 'ແຊັດໃນເວັບໄຊ')).toEqual(['0', '0', '0']);
    // The English title is only the small second-language line under the Lao one.
    await expect
      .poll(() => page.locator('caption strong', { hasText: 'Calls and chats by channel' }).count())
      .toBe(0);
    await page.getByText(byChannel, { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-channels-operations-lo');

    await page.getByRole('button', { name: 'ສະຖິຕິລະດັບຊາດ' }).click();
    const byMode = 'ການໃຫ້ຄຳປຶກສາ ແຍກຕາມຮູບແບບ';
    await page.getByText(byMode, { exact: true }).waitFor();
    // The byChannel table is gone with the operations report.
    await expect.poll(() => page.getByText(byChannel, { exact: true }).count()).toBe(0);
    // sessions, people, female, new, continuing
    expect(await rowCells(page, byMode, 'ແຊັດ (WhatsApp, Messenger, SMS, ເວັບ)')).toEqual([
      '1',
      '1',
      '1',
      '1',
      '0',
    ]);
    expect(await rowCells(page, byMode, 'ສາຍດ່ວນ')).toEqual(['1', '1', '1', '1', '0']);
    await page.getByText(byMode, { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-channels-national-lo');
  }, 180_000);
});
