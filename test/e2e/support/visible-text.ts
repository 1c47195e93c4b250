import type { Page } from 'playwright-core';

/**
 * Every piece of text a person can read on the page: visible text nodes, the choices of every
 * drop-down (they show when it opens), placeholders and button values. Text inside an element
 * marked `lang` other than Lao (the "English" switch, a hotline's English name) is meant as is.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const foreign = (el: Element | null) => {
      const marked = el?.closest('[lang]');
      return !!marked && marked.getAttribute('lang') !== 'lo';
    };
    const shown = (el: Element) => {
      if (!(el instanceof HTMLElement)) return true;
      if (el.closest('option, select')) return true;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return false;
      if (el.closest('.visually-hidden, [hidden], [aria-hidden="true"]')) return false;
      return el.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || !text || foreign(parent)) continue;
      if (parent.closest('script, style, noscript')) continue;
      if (shown(parent)) out.push(text);
    }
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      const text = el.getAttribute('placeholder')?.trim();
      if (text && !foreign(el) && shown(el)) out.push(text);
    }
    for (const el of document.querySelectorAll('input[type="submit"], input[type="button"]')) {
      const text = (el as HTMLInputElement).value.trim();
      if (text && !foreign(el) && shown(el)) out.push(text);
    }
    return out;
  });
}

export type TLeak = { text: string; why: 'raw key' | 'code' | 'English' };

const RAW_KEY = /\b[a-z][A-Za-z0-9]*(?:[.:][A-Za-z0-9_]+)+\b/g;
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
// A lowercase English word alone (`break`, `pending`) is a code printed as it is stored.
const LOWER_WORD = /(?<![\w@./-])[a-z]{3,}(?![\w@.-])/g;
const ENGLISH_RUN = /\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']*){2,}/g;
// A capitalised English word alone (`Overdue`, `Shelter`): names the person typed are allowed.
const CAP_WORD = /(?<![\w@./-])[A-Z][a-z]{3,}(?![\w@.-])/g;

/**
 * Raw i18n keys, stored codes and English sentences in texts read on a Lao screen. `allowed`
 * are exact strings shown as the person typed them (names, case codes, numbers): removed first.
 */
export function findLeaks(texts: string[], allowed: readonly (string | RegExp)[]): TLeak[] {
  const leaks: TLeak[] = [];
  for (const original of texts) {
    let text = original;
    for (const a of allowed) text = text.split(a).join(' ');
    // Numbers, times and units are the same in both languages.
    text = text.replace(/\b\d[\d:.,/-]*\s*(?:%|ms|s|min|h|km|kB|MB|GB)?\b/g, ' ');
    const seen = new Set<string>();
    const add = (match: string, why: TLeak['why']) => {
      if (seen.has(match)) return;
      seen.add(match);
      leaks.push({ text: `${match}  ⟵  «${original.slice(0, 120)}»`, why });
    };
    for (const m of text.matchAll(RAW_KEY)) add(m[0], 'raw key');
    for (const m of text.matchAll(SNAKE)) add(m[0], 'code');
    for (const m of text.matchAll(ENGLISH_RUN)) add(m[0], 'English');
    for (const m of text.matchAll(LOWER_WORD)) if (!inSeen(seen, m[0])) add(m[0], 'code');
    for (const m of text.matchAll(CAP_WORD)) if (!inSeen(seen, m[0])) add(m[0], 'English');
  }
  return leaks;
}

function inSeen(seen: Set<string>, word: string): boolean {
  for (const s of seen) if (s.includes(word)) return true;
  return false;
}
