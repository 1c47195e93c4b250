import { mountWidget } from './widget';

// <script src="https://saiduan.example/webchat.js" data-hotline="1362" async></script>
// Optional: data-exit-url="https://…" (where a quick exit goes; a neutral page by default).

const DEFAULT_EXIT = 'https://www.google.com/search?q=weather';

function exitUrl(given: string | undefined): string {
  try {
    const url = new URL(given ?? DEFAULT_EXIT);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_EXIT;
  } catch {
    return DEFAULT_EXIT;
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const hotline = script?.dataset.hotline ?? '';
if (script && /^\d{3,6}$/.test(hotline)) {
  const options = {
    server: new URL(script.src).origin,
    hotline,
    exitUrl: exitUrl(script.dataset.exitUrl),
  };
  if (document.body) mountWidget(options);
  else document.addEventListener('DOMContentLoaded', () => mountWidget(options), { once: true });
} else {
  console.error('Saiduan web chat: the script tag needs data-hotline="1362" (the hotline number)');
}
