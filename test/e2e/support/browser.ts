import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM } from '../../support/chromium';

export { CHROMIUM };
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // The offer's ring must be allowed to play without a click first.
  '--autoplay-policy=no-user-gesture-required',
];

export type TBrowser = {
  /** A fresh page in its own profile: no cookies, storage or cache shared with other pages. */
  newPage: (options?: { uiLanguage?: 'lo' | 'en' }) => Promise<Page>;
  close: () => Promise<void>;
};

/** Debian's Chromium, one new empty user-data-dir per page, laptop-sized (1366×768). */
/** `extraArgs`: more Chromium flags, e.g. a fake microphone for recording tests. */
export async function openBrowser(baseURL: string, extraArgs: string[] = []): Promise<TBrowser> {
  const contexts: Array<{ context: BrowserContext; dir: string }> = [];
  return {
    newPage: async ({ uiLanguage } = {}) => {
      const dir = mkdtempSync(join(tmpdir(), 'saiduan-chromium-'));
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...ARGS, ...extraArgs],
        baseURL,
        viewport: { width: 1366, height: 768 },
        timezoneId: 'Europe/Berlin', // not Vientiane: dates must still show Vientiane time
      });
      contexts.push({ context, dir });
      if (uiLanguage) {
        await context.addInitScript((lang) => {
          if (!localStorage.getItem('saiduan.ui-language'))
            localStorage.setItem('saiduan.ui-language', lang);
        }, uiLanguage);
      }
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(15_000);
      return page;
    },
    close: async () => {
      for (const { context, dir } of contexts.splice(0)) {
        await context.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
