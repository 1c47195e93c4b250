import { existsSync } from 'node:fs';
import { ensureDebianTool } from '../../scripts/local/debian-package';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium as root (as `npm start` does for Redis), or says how in one line. */
export function ensureChromium(log: (line: string) => void): void {
  ensureDebianTool(
    {
      name: CHROMIUM,
      debianPackage: 'chromium',
      isPresent: () => existsSync(CHROMIUM),
      howTo: `The browser tests need Debian's Chromium at ${CHROMIUM}: run \`sudo apt-get update && sudo apt-get install -y chromium\`, then npm test again.`,
    },
    log,
  );
}
