// Inlined into webchat.js: a partner's page rarely carries a Lao font, and a second request to
// fetch one would need CORS headers on the font. About 12 kB.
import laoRegular from '@fontsource/noto-sans-lao/files/noto-sans-lao-lao-400-normal.woff2';

export const LAO_FONT_FAMILY = 'Saiduan Noto Sans Lao';

/**
 * Adds the Lao font to the page's font set (shadow trees use the document's fonts) and answers how
 * to take it away again, so a quick exit leaves nothing of the widget behind.
 */
export function loadLaoFont(): () => void {
  if (typeof FontFace === 'undefined') return () => {};
  const face = new FontFace(LAO_FONT_FAMILY, `url(${laoRegular})`, {
    unicodeRange: 'U+0E80-0EFF, U+200C-200D, U+25CC',
  });
  document.fonts.add(face);
  void face.load().catch(() => {});
  return () => {
    document.fonts.delete(face);
  };
}
