import type { Page } from 'playwright-core';

export type TLaoGlyphReport = {
  /** Faces named Noto Sans Lao that the page itself caused to load (before we asked). */
  laoFacesLoadedByPage: number;
  /** Font family the browser applies to the element holding the Lao text. */
  elementFontFamily: string;
  /** Letters whose bitmap in the shipped font differs from the machine's fallback (tofu) one. */
  lettersDrawnDifferently: number;
  /** Distinct advance widths of four Lao letters: tofu boxes all share one width. */
  distinctShippedWidths: number;
  distinctFallbackWidths: number;
  /** Rendered width of the element's text in the shipped font vs forced to the fallback. */
  shippedWidth: number;
  fallbackWidth: number;
};

/**
 * Checks from pixels and font metrics, not the DOM, that Lao text on the page is drawn with the
 * Noto Sans Lao the app ships: the page loaded it by itself, and it gives each letter its own shape.
 */
export async function laoGlyphReport(page: Page, selector: string): Promise<TLaoGlyphReport> {
  await page.locator(selector).first().waitFor();
  return page.evaluate(async (sel) => {
    await document.fonts.ready;
    const isLao = (f: FontFace) => f.family.replace(/["']/g, '') === 'Noto Sans Lao';
    const laoFacesLoadedByPage = [...document.fonts].filter(
      (f) => isLao(f) && f.status === 'loaded',
    ).length;
    const element = document.querySelector(sel) as HTMLElement;
    const elementFontFamily = getComputedStyle(element).fontFamily;

    const letters = ['ກ', 'ຂ', 'ສ', 'ວ'];
    const bitmap = (letter: string, family: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d');
      if (!ctx) return '';
      ctx.font = `40px ${family}`;
      ctx.fillText(letter, 8, 48);
      const data = ctx.getImageData(0, 0, 64, 64).data;
      let key = '';
      for (let i = 3; i < data.length; i += 4) key += (data[i] ?? 0) > 127 ? '1' : '0';
      return key;
    };
    const advances = (family: string) => {
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) return 0;
      ctx.font = `40px ${family}`;
      return new Set(letters.map((l) => Math.round(ctx.measureText(l).width * 10))).size;
    };

    const measure = (family: string | null) => {
      const probe = element.cloneNode(true) as HTMLElement;
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      probe.style.width = 'auto';
      probe.style.whiteSpace = 'nowrap';
      if (family) probe.style.fontFamily = family;
      document.body.appendChild(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    };
    return {
      laoFacesLoadedByPage,
      elementFontFamily,
      lettersDrawnDifferently: letters.filter(
        (l) => bitmap(l, '"Noto Sans Lao"') !== bitmap(l, 'monospace'),
      ).length,
      distinctShippedWidths: advances('"Noto Sans Lao"'),
      distinctFallbackWidths: advances('monospace'),
      shippedWidth: measure(null),
      fallbackWidth: measure('monospace'),
    };
  }, selector);
}
