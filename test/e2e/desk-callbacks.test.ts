import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshotBoth } from './support/both-languages';
import { signIn } from './support/sign-in';
import { heardPrompt } from '../fixtures/simulator.fixture';

const CALLER = '+8562055544444';

describe('the counsellor works through call-backs and missed calls', () => {
  let system: TE2eSystem;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  /** An earlier contact from this caller, recorded through the API, with safety wishes. */
  async function earlierContact(login: { username: string; password: string }) {
    const signedIn = await system.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: login.username, password: login.password },
    });
    const cookie = [signedIn.headers['set-cookie']].flat().join('; ');
    const saved = await system.app.inject({
      method: 'POST',
      url: '/api/staff/contacts',
      headers: { cookie },
      payload: {
        hotline: '1362',
        channel: 'call',
        language: 'lo',
        callerType: 'self',
        contactType: 'crisis',
        callerPhone: CALLER,
        safeToTalk: 'no',
        safeCallbackWindow: 'weekdays 12:00-13:00',
        codeWord: 'frangipani',
        noSms: true,
        noVoicemail: true,
      },
    });
    expect(saved.statusCode).toBe(201);
  }

  it('sees safety first, reveals the code word on demand and takes a call-back', async () => {
    const counsellor = system.login('counsellor');
    await earlierContact(counsellor);
    // The caller presses 1 while waiting: a call-back request (any time, this number). Another
    // caller gives up waiting.
    const asked = system.sim.placeCall({
      hotline: '1362',
      from: CALLER,
      digits: ['1', '1', '1', '1'],
    });
    const gaveUp = system.sim.placeCall({ hotline: '1362', from: '+8562055533333', digits: ['1'] });
    // Real time, and every prompt still a spoken placeholder: the call-back dialog takes a while
    // (not a timing assertion).
    await expect.poll(() => asked.status, { timeout: 90_000 }).toBe('completed');
    await expect
      .poll(() => gaveUp.transcript.some((e) => e.verb === 'enqueue'), { timeout: 30_000 })
      .toBe(true);
    system.sim.engine.hangup(gaveUp);
    // A third caller presses 9 for another language and hangs up in the menu, before the queue.
    const inMenu = system.sim.placeCall({ hotline: '1362', from: '+8562055544444', digits: ['9'] });
    await expect
      .poll(() => heardPrompt(inMenu, '/lang-').length > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    system.sim.engine.hangup(inMenu);

    const page = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(page, counsellor);
    await page.getByRole('link', { name: 'Call-backs and missed calls' }).click();
    const task = page.getByTestId('callback-task').first();
    await task.waitFor({ timeout: 20_000 });
    const safety = task.getByTestId('callback-safety');
    await expect.poll(() => safety.textContent()).toContain('weekdays 12:00-13:00');
    // The safe time the caller keyed, said by the system from what was stored; the earlier
    // contact's free text is the counsellor's own note, shown as hers.
    expect(await task.getByTestId('callback-safe-time').textContent()).toBe(
      "Caller's safe time: Any time",
    );
    expect(await task.getByTestId('earlier-note').textContent()).toContain(
      "Counsellor's note (earlier contact)",
    );
    expect(await safety.textContent()).toContain('No SMS');
    expect(await safety.textContent()).toContain('No voicemail');
    expect(await page.textContent('body')).not.toContain('frangipani');
    await page.getByTestId('missed-call').first().waitFor({ timeout: 20_000 });
    // Listed with the others, and said where they hung up, in the reader's language.
    await page.reload();
    await page
      .getByTestId('missed-in-menu')
      .getByText('Hung up in the menu, before the queue')
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('missed-call').count()).toBe(2);
    await page.getByRole('button', { name: 'ລາວ' }).click();
    await page.getByTestId('missed-in-menu').getByText('ວາງສາຍໃນເມນູ, ກ່ອນເຂົ້າຄິວ').waitFor();
    // In Lao, the safe time is Lao too: formatted from the caller's choice, not stored English.
    await task.getByTestId('callback-safe-time').getByText('ໂທກັບໄດ້ທຸກເວລາ').waitFor();
    expect(await task.getByTestId('callback-safe-time').textContent()).not.toMatch(/[A-Za-z]/);
    await page.getByRole('button', { name: 'English' }).click();

    await task.getByRole('button', { name: 'Show code word' }).click();
    await expect
      .poll(() => task.getByTestId('code-word').textContent())
      .toBe('Code word: frangipani');
    await screenshotBoth(page, 'desk-callbacks');

    await task.getByRole('button', { name: 'Take' }).click();
    await expect.poll(() => task.textContent(), { timeout: 15_000 }).toContain('Taken');
    await task.getByRole('button', { name: 'Call now' }).waitFor();
    // Nobody was dialled by the system: the only calls are the two callers'.
    expect(
      [...system.sim.engine.state.calls.values()].filter((c) => c.direction === 'outbound-api'),
    ).toHaveLength(0);
  }, 120_000);
});
