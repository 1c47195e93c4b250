import type { Page } from 'playwright-core';
import { screenshotBoth } from './support/both-languages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSystem, type TE2eSystem } from './support/e2e-system';
import { screenshot } from './support/screenshots';
import { signIn, signInWithTotp } from './support/sign-in';

// The wall follows the floor by push, not by a poll (the board has no poll to wait for). The one-second
// target is a timing figure for the benches: asserting it here failed on a loaded 2-core machine, and
// CI must not depend on how busy the machine is. A push that never comes still fails within 10 s.
const LIVE = { timeout: 10_000 };

describe('supervisor wallboard', () => {
  let system: TE2eSystem;
  // The second test goes on with the supervisor's wall and the counsellor's desk of the first.
  let board: Page;
  let desk: Page;
  beforeAll(async () => {
    system = await startE2eSystem();
  }, 180_000);
  afterAll(async () => system?.stop());

  it('follows a simulated caller and a counsellor live, rejected offer included', async () => {
    board = await system.browser.newPage({ uiLanguage: 'en' });
    await signInWithTotp(board, system.login('supervisor'));
    await board.waitForURL('**/wallboard');
    await board.getByRole('heading', { name: 'Live wallboard' }).waitFor();

    const call = system.sim.placeCall({ hotline: '1362', from: '+8562055512345', digits: ['1'] });
    await expect.poll(() => call.queueSid, { timeout: 15_000 }).not.toBeNull();
    const tile = board.getByTestId('queue-1362');
    await tile.getByTestId('waiting').getByText('1', { exact: true }).waitFor(LIVE);
    await tile.getByTestId('language-lo').waitFor(LIVE);

    desk = await system.browser.newPage({ uiLanguage: 'en' });
    await signIn(desk, system.login('counsellor'));
    // Not available yet, her desk shows the caller waiting on a hotline and language she serves.
    const count = (hotline: string, language: string) =>
      desk.locator(
        `[data-testid="waiting-count"][data-hotline="${hotline}"][data-language="${language}"]`,
      );
    await count('1362', 'lo').getByText('1 waiting').waitFor(LIVE);
    expect(await count('1362', 'en').textContent()).toContain('Nobody waiting');
    expect(await count('1554', 'lo').textContent()).toContain('Nobody waiting');
    await screenshot(desk, 'desk-waiting-counts-en');
    await desk.getByRole('button', { name: 'Available' }).click();
    // She is offered the waiting call at once, so the board may skip straight to "offered".
    await board
      .locator('[data-testid="state-available"], [data-testid="state-offered"]')
      .getByText('Counsellor Noy')
      .first()
      .waitFor(LIVE);
    await desk.getByTestId('offer').getByRole('button', { name: 'Reject' }).click();
    await board
      .getByTestId('offers-missed')
      .getByText(/Rejected 1\b/)
      .waitFor(LIVE);
    // Offered again at once (she is the only one free): the wall shows her being offered it.
    await board.getByTestId('state-offered').getByText('Counsellor Noy').waitFor(LIVE);
    await screenshot(board, 'wallboard-en');
    await board.getByRole('button', { name: 'ລາວ' }).click();
    await board.getByRole('heading', { name: 'ກະດານຕິດຕາມສົດ' }).waitFor();
    await screenshot(board, 'wallboard-lo');

    system.sim.engine.hangup(call);
    await tile.getByTestId('waiting').getByText('0', { exact: true }).waitFor(LIVE);
    // Her desk follows: the caller is gone from its count too.
    await count('1362', 'lo').getByText('Nobody waiting').waitFor(LIVE);
    expect(await count('1362', 'lo').getByText('1 waiting').count()).toBe(0);
    // Today's figures are shown: nobody was answered, so there is no speed of answer yet. (The
    // abandoned count is not awaited here: the queue-result webhook that records it can land after
    // the queue change that triggers the re-read; see the closing note of issue #8.)
    await tile.getByTestId('today-answered').getByText('0', { exact: true }).waitFor(LIVE);
    expect(await tile.getByTestId('today-speed-of-answer').textContent()).toBe('—');
  });
  it('lets the supervisor move a waiting caller forward and assign them to a named counsellor', async () => {
    await board.getByRole('button', { name: 'English' }).click();
    await board.getByRole('heading', { name: 'Live wallboard' }).waitFor();
    // A Khmu speaker on 1554: the counsellor on duty speaks Lao and English, so nobody is
    // offered the call automatically (relaxation starts after a minute); it waits.
    const call = system.sim.placeCall({ hotline: '1554', from: '+8562055512346', digits: ['3'] });
    await expect.poll(() => call.queueSid, { timeout: 15_000 }).not.toBeNull();
    const row = board.getByTestId(`waiting-${call.sid}`);
    await row.waitFor(LIVE);
    await row.getByText('Khmu').waitFor();
    await row.getByTestId('caller-state').getByText('Waiting').waitFor();
    expect(await desk.getByTestId('offer').count()).toBe(0);

    await row.getByRole('button', { name: /^Child caller/ }).click();
    await row.getByText('Moved forward 10 min').waitFor(LIVE);
    await row.getByRole('combobox').selectOption({ label: 'Counsellor Noy' });
    await row.getByRole('button', { name: 'Assign' }).click();

    // The counsellor's desk rings with that caller; the wall shows her being offered the call.
    await desk.getByTestId('offer').waitFor({ timeout: 5_000 });
    expect(await desk.getByTestId('offer-hotline').textContent()).toBe('1554');
    await row.getByTestId('caller-state').getByText('Ringing for Counsellor Noy').waitFor(LIVE);
    await board.getByTestId('state-offered').getByText('Counsellor Noy').waitFor(LIVE);
    await row.scrollIntoViewIfNeeded();
    await screenshotBoth(board, 'wallboard-queue');

    system.sim.engine.hangup(call);
    await row.waitFor({ state: 'detached', ...LIVE });
  });
  it("rings the supervisor's own browser to listen, then switches to whisper on the same leg", async () => {
    const call = system.sim.placeCall({ hotline: '1362', from: '+8562055512347', digits: ['1'] });
    await desk
      .getByTestId('offer')
      .getByRole('button', { name: 'Accept' })
      .click({ timeout: 20_000 });
    const card = board.getByTestId('state-on_call').getByTestId('counsellor');
    await card.getByText('Counsellor Noy').waitFor(LIVE);
    await board.getByTestId('supervisor-phone').getByText('Ready (in this browser)').waitFor();
    // Only her own browser's legs: the counsellor's leg of the accepted call may ring later.
    const [supervisor] = await system.stores.database.sql<Array<{ id: string }>>`
      select id from staff_users where username = ${system.login('supervisor').username}`;
    const legs = () =>
      [...system.sim.engine.state.calls.values()].filter(
        (c) => c.to === `client:${supervisor?.id ?? ''}` && c.direction !== 'inbound',
      );
    const before = legs().length;

    await card.getByRole('button', { name: /^Listen/ }).click();
    await card.getByTestId('monitor-mode').getByText('You are on the call: Listen').waitFor(LIVE);
    await board.getByTestId('supervisor-phone').getByText('Connected').waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: /^Whisper/ }).click();
    await card.getByTestId('monitor-mode').getByText('You are on the call: Whisper').waitFor(LIVE);
    expect(await card.getByRole('button', { name: /^Whisper/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await card.getByRole('button', { name: /^Listen/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    // One leg rang her browser, however many times she switched.
    expect(legs().length - before).toBe(1);
    await board.getByRole('button', { name: 'ລາວ' }).click();
    await card.getByTestId('monitor-mode').getByText('ທ່ານຢູ່ໃນສາຍ: ກະຊິບ').waitFor();
    await screenshot(board, 'wallboard-monitor-lo');
    await board.getByRole('button', { name: 'English' }).click();
    await screenshot(board, 'wallboard-monitor-en');

    await card.getByRole('button', { name: 'Leave the call' }).click();
    await card.getByTestId('monitor-mode').waitFor({ state: 'detached', ...LIVE });
    system.sim.engine.hangup(call);
  });
  it('shows a waiting chat in the chats row, not as a waiting caller, and the count goes when the chat ends', async () => {
    await board.getByRole('button', { name: 'English' }).click();
    await board.getByRole('heading', { name: 'Live wallboard' }).waitFor();
    // Nobody takes it on this floor: her desk is closed, so the chat waits in line.
    await desk.close();
    const tile = board.getByTestId('queue-1362');
    const chats = tile.getByTestId('chats');
    await chats.getByTestId('chats-waiting').getByText('0', { exact: true }).waitFor(LIVE);
    await tile.getByTestId('waiting').getByText('0', { exact: true }).waitFor(LIVE);
    const sent = await system.sim.chat.userWrites({
      hotline: '1362',
      channel: 'messenger',
      from: '7100000001',
      text: 'ຂ້ອຍຕ້ອງການຄວາມຊ່ວຍເຫຼືອ',
    });
    await chats.getByTestId('chats-waiting').getByText('1', { exact: true }).waitFor(LIVE);
    // The same push: the call tile still counts no caller, and no Lao caller waits by language.
    expect(await tile.getByTestId('waiting').textContent()).toBe('0');
    expect(await tile.getByTestId('longest-wait').textContent()).toBe('—');
    expect(await tile.getByTestId('language-lo').count()).toBe(0);
    // In the list of who waits, it is marked a chat.
    await board.getByTestId('chat-tag').getByText('Chat', { exact: true }).waitFor(LIVE);
    // The longest chat wait counts up from when it arrived; nobody answered yet today.
    await expect
      .poll(() => chats.getByTestId('chats-longest-wait').textContent(), LIVE)
      .not.toBe('—');
    expect(await chats.getByTestId('chats-first-response').textContent()).toBe('—');
    await chats.scrollIntoViewIfNeeded();
    await screenshotBoth(board, 'wallboard-chats');

    await system.app.chat.inbox.end({ provider: 'twilio', ref: sent.conversationSid }, 'visitor');
    await chats.getByTestId('chats-waiting').getByText('0', { exact: true }).waitFor(LIVE);
    expect(await chats.getByTestId('chats-longest-wait').textContent()).toBe('—');
    expect(await chats.getByTestId('chats-active').textContent()).toBe('0');
    await board.getByTestId('chat-tag').waitFor({ state: 'detached', ...LIVE });
  });
  it('counts call-backs waiting on the hotline’s tile, live, in Lao', async () => {
    await board.getByRole('button', { name: 'ລາວ' }).click();
    await board.getByRole('heading', { name: 'ກະດານຕິດຕາມສົດ' }).waitFor();
    const callbacks = board.getByTestId('queue-1362').getByTestId('callbacks');
    await callbacks.getByTestId('callbacks-waiting').getByText('0', { exact: true }).waitFor(LIVE);
    // None placed yet today: no time to call back to show.
    expect(await callbacks.getByTestId('callbacks-time-to-callback').textContent()).toBe('—');
    // Nobody is on the floor (her desk closed): a waiting caller presses 1 for a call-back, any
    // time, on the number she calls from, and hangs up.
    const call = system.sim.placeCall({ hotline: '1362', from: '+8562055512348', digits: ['1'] });
    await expect.poll(() => call.queueSid, { timeout: 15_000 }).not.toBeNull();
    call.script.digits.push('1', '1', '1');
    // The simulator runs in real time here and every prompt is still a spoken placeholder: the
    // caller's whole call-back dialog takes a while; not a timing assertion.
    await expect.poll(() => call.status, { timeout: 90_000 }).toBe('completed');
    await callbacks.getByTestId('callbacks-waiting').getByText('1', { exact: true }).waitFor(LIVE);
    const text = (await callbacks.textContent()) ?? '';
    expect(text).toContain('ລໍຖ້າໂທກັບ');
    expect(text).toContain('ເວລາກ່ອນໂທກັບສະເລ່ຍ (ມື້ນີ້)');
    expect(text).not.toMatch(/Call-backs|call back/);
    await callbacks.scrollIntoViewIfNeeded();
    await screenshot(board, 'wallboard-callbacks-lo');

    // A counsellor takes the call-back by hand and reaches the caller: done, it no longer waits,
    // and the tile's count goes back to 0 by push (the board is not reloaded).
    const counsellor = system.login('counsellor');
    const signedIn = await system.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: counsellor.username, password: counsellor.password },
    });
    const cookie = [signedIn.headers['set-cookie']].flat().join('; ');
    const listed = await system.app.inject({ url: '/api/staff/callbacks', headers: { cookie } });
    const task = (listed.json() as { tasks: Array<{ id: string; callSid: string }> }).tasks.find(
      (t) => t.callSid === call.sid,
    );
    expect(task).toBeDefined();
    const act = (path: string, payload?: object) =>
      system.app.inject({
        method: 'POST',
        url: `/api/staff/callbacks/${task?.id ?? ''}/${path}`,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      });
    expect((await act('take')).statusCode).toBe(200);
    expect((await act('complete', { outcome: 'reached' })).statusCode).toBe(200);
    await callbacks.getByTestId('callbacks-waiting').getByText('0', { exact: true }).waitFor(LIVE);
    expect(await callbacks.getByTestId('callbacks-waiting').textContent()).toBe('0');
  }, 150_000);
});
