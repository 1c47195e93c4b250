import type {
  TWebchatEndReason,
  TWebchatErrorCode,
  TWebchatHotline,
  TWebchatMessage,
} from '../../../src/contracts/webchat';
import { CHAT_TYPING_SHOWN_MS } from '../../../src/contracts/chat-typing';
import { WEBCHAT_TEXT_MAX } from '../../../src/contracts/webchat-constants';
import { loadLaoFont } from './lao-font';
import { ATTACHMENT_MB, attachButton, type TChosenFile } from './widget-attach';
import { openConnection, type TConnection } from './widget-connection';
import { h, uuid } from './widget-dom';
import { languageLabel, t, type TUiLanguage } from './widget-i18n';
import { widgetCss } from './widget-styles';

export type TWidgetOptions = {
  /** Where Saiduan is (the origin webchat.js was loaded from). */
  server: string;
  hotline: string;
  /** Where a quick exit goes: a neutral page that says nothing about the hotline. */
  exitUrl: string;
};

/** What the visitor sent: a message, or a file (`text` is then its name; bytes until sent). */
type TMine = {
  id: string;
  text: string;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
  file?: TChosenFile;
  isFile?: boolean;
};
type TView =
  | { kind: 'launcher' }
  | { kind: 'connecting' }
  | { kind: 'prechat'; error?: string }
  | { kind: 'chat' }
  | { kind: 'over'; text: string };

/**
 * The chat button and window on a partner's page, in a shadow root of its own. Everything the
 * visitor writes or reads lives in this closure only; `quickExit` drops it all, takes the widget
 * and its font off the page and replaces the page with a neutral one.
 */
export function mountWidget(options: TWidgetOptions): void {
  const host = h('div', { 'data-saiduan-webchat': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.append(h('style', {}, widgetCss));
  const root = h('div', { class: 'root', lang: 'lo' });
  shadow.append(root);
  document.body.append(host);
  const unloadFont = loadLaoFont();

  let ui: TUiLanguage = 'lo';
  let view: TView = { kind: 'launcher' };
  let connection: TConnection | null = null;
  let hotline: TWebchatHotline | null = null;
  let online = true;
  let typingUntil = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let typedAt = 0;
  let thread: Array<{ mine: TMine } | { theirs: TWebchatMessage }> = [];
  const prechat = { language: 'lo', name: '', safe: null as boolean | null };
  const say = (key: string, vars: Record<string, string> = {}) =>
    t(ui, key, { hotline: options.hotline, mb: ATTACHMENT_MB, ...vars });
  /** Why a chosen file was not sent (checked before sending): shown until the next try. */
  let refusal: string | null = null;

  function forget(): void {
    connection?.close();
    connection = null;
    hotline = null;
    thread = [];
    refusal = null;
    Object.assign(prechat, { language: 'lo', name: '', safe: null });
  }

  /**
   * Gone from the screen at once; the page itself is replaced as soon as the server has heard the
   * chat is over (at most half a second), so the counsellor knows why the visitor left.
   */
  function quickExit(): void {
    const leaving = connection?.leave('quick_exit', 500);
    connection = null;
    forget();
    root.replaceChildren();
    host.remove();
    unloadFont();
    void (leaving ?? Promise.resolve()).then(() => window.location.replace(options.exitUrl));
  }

  function show(next: TView): void {
    view = next;
    render();
  }

  function refused(code: TWebchatErrorCode | 'NETWORK'): void {
    forget();
    show({ kind: 'over', text: say(`errors.${code}`) });
  }

  let endingAfterSend: TWebchatEndReason | null = null;
  function ended(reason: TWebchatEndReason | 'stopped' | 'visitor'): void {
    forget();
    show({ kind: 'over', text: say(`ended.${reason}`) });
  }
  /** Told the chat is over: if a message is still on its way, its answer says why (a stop word). */
  function endedByServer(reason: TWebchatEndReason): void {
    const sending = thread.some((m) => 'mine' in m && m.mine.state === 'sending');
    if (sending) endingAfterSend = reason;
    else ended(reason);
  }

  function open(): void {
    show({ kind: 'connecting' });
    connection = openConnection(options.server, options.hotline, {
      message: (m) => {
        thread.push({ theirs: m });
        typingUntil = 0;
        render();
      },
      ended: endedByServer,
      refused,
      online: (now) => {
        online = now;
        if (view.kind === 'chat') render();
      },
      typing: () => {
        typingUntil = Date.now() + CHAT_TYPING_SHOWN_MS;
        if (view.kind === 'chat') render();
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => {
          if (view.kind === 'chat') render();
        }, CHAT_TYPING_SHOWN_MS);
      },
    });
    void connection.hotline().then((res) => {
      if (!('data' in res)) return refused(res.error);
      hotline = res.data;
      show({ kind: 'prechat' });
    });
  }

  async function start(): Promise<void> {
    if (!connection) return;
    if (prechat.safe === null) return show({ kind: 'prechat', error: say('prechat.safeRequired') });
    const res = await connection.start({
      language: prechat.language,
      name: prechat.name.trim() || null,
      safeToTalk: prechat.safe,
    });
    if (!('data' in res)) return show({ kind: 'prechat', error: say(`errors.${res.error}`) });
    show({ kind: 'chat' });
  }

  async function send(mine: TMine): Promise<void> {
    if (!connection) return;
    mine.state = 'sending';
    render();
    const res = mine.file
      ? await connection.attach(mine.id, mine.file)
      : await connection.send(mine.id, mine.text);
    if ('data' in res && 'stopped' in res.data && res.data.stopped) return ended('stopped');
    if (endingAfterSend) return ended(endingAfterSend);
    if ('data' in res) {
      mine.state = 'sent';
      // The hotline has it: the page lets go of the bytes.
      delete mine.file;
    } else {
      // Kept on screen with the reason and a way to try again: nothing is dropped silently.
      mine.state = 'failed';
      mine.error = say(`errors.${res.error}`);
    }
    render();
  }

  function header(): HTMLElement {
    const title = hotline ? (ui === 'lo' ? hotline.nameLo : hotline.nameEn) : say('launcher');
    return h(
      'div',
      { class: 'head' },
      h('div', { class: 'title' }, title),
      h(
        'button',
        {
          class: 'ui-lang',
          type: 'button',
          lang: ui === 'lo' ? 'en' : 'lo',
          onclick: () => {
            ui = ui === 'lo' ? 'en' : 'lo';
            render();
          },
        },
        say('otherUiLanguage'),
      ),
      h(
        'button',
        {
          class: 'exit',
          type: 'button',
          title: say('quickExitHint'),
          'data-testid': 'quick-exit',
          onclick: quickExit,
        },
        say('quickExit'),
      ),
    );
  }

  function prechatBody(error?: string): HTMLElement {
    const languages = hotline?.languages ?? ['lo'];
    const radio = (name: string, value: string, checked: boolean, onchange: () => void) =>
      h('input', { type: 'radio', name, value, checked, onchange });
    const form = h(
      'form',
      {
        class: 'body',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void start();
        },
      },
      h('p', { class: 'intro' }, say('prechat.intro')),
      h(
        'fieldset',
        {},
        h('legend', {}, say('prechat.language')),
        h(
          'div',
          { class: 'choices' },
          ...languages.map((code) => {
            const label = languageLabel(ui, code);
            return h(
              'label',
              { class: 'choice' },
              radio('language', code, prechat.language === code, () => {
                prechat.language = code;
                // Someone who picks English reads the widget in English too.
                if (code === 'en' || code === 'lo') ui = code;
                render();
              }),
              h('span', {}, label.shown),
              label.own !== label.shown ? h('span', { class: 'own', lang: code }, label.own) : null,
            );
          }),
        ),
      ),
      h('label', { class: 'q', for: 'saiduan-name' }, say('prechat.name')),
      h('input', {
        id: 'saiduan-name',
        type: 'text',
        maxlength: 40,
        autocomplete: 'off',
        placeholder: say('prechat.namePlaceholder'),
        value: prechat.name,
        oninput: (e: Event) => {
          prechat.name = (e.target as HTMLInputElement).value;
        },
      }),
      h(
        'fieldset',
        { style: 'margin-top:14px' },
        h('legend', {}, say('prechat.safe')),
        h(
          'div',
          { class: 'choices' },
          ...([true, false] as const).map((safe) =>
            h(
              'label',
              { class: 'choice' },
              radio('safe', String(safe), prechat.safe === safe, () => {
                prechat.safe = safe;
                render();
              }),
              say(safe ? 'prechat.safeYes' : 'prechat.safeNo'),
            ),
          ),
        ),
      ),
      prechat.safe === false ? h('p', { class: 'advice' }, say('prechat.unsafeAdvice')) : null,
      error ? h('p', { class: 'error', role: 'alert' }, error) : null,
      h('button', { class: 'primary', type: 'submit' }, say('prechat.start')),
    );
    return form;
  }

  function chatBody(): HTMLElement[] {
    const list = h('div', { class: 'list', 'aria-live': 'polite' });
    if (!thread.some((m) => 'theirs' in m))
      list.append(h('p', { class: 'note' }, say('chat.waiting')));
    for (const item of thread) {
      if ('theirs' in item) {
        const who = item.theirs.from === 'system' ? 'chat.system' : 'chat.counsellor';
        list.append(
          h(
            'div',
            { class: 'msg theirs' },
            h('span', { class: 'who' }, say(who)),
            item.theirs.text,
          ),
        );
        continue;
      }
      const m = item.mine;
      list.append(
        h(
          'div',
          { class: `msg mine${m.state === 'failed' ? ' failed' : ''}` },
          h('span', { class: 'who' }, say('chat.you')),
          m.isFile ? say('chat.file', { name: m.text }) : m.text,
          m.state === 'sending' ? h('span', { class: 'who' }, say('chat.sending')) : null,
          m.state === 'failed'
            ? h(
                'span',
                { class: 'who', role: 'alert' },
                `${say('chat.notSent')} ${m.error ?? ''}`,
                h(
                  'button',
                  { class: 'linkish', type: 'button', onclick: () => void send(m) },
                  say('chat.retry'),
                ),
              )
            : null,
        ),
      );
    }
    if (typingUntil > Date.now())
      list.append(h('p', { class: 'note', role: 'status' }, say('chat.typing')));
    const body = h('div', { class: 'body' }, list);
    const text = h('textarea', {
      'aria-label': say('chat.placeholder'),
      placeholder: say('chat.placeholder'),
      maxlength: WEBCHAT_TEXT_MAX,
    });
    const submit = () => {
      const value = text.value.trim();
      if (!value) return;
      const mine: TMine = { id: uuid(), text: value, state: 'sending' };
      thread.push({ mine });
      text.value = '';
      void send(mine);
    };
    text.addEventListener('input', () => {
      const now = Date.now();
      if (now - typedAt < 2000) return;
      typedAt = now;
      connection?.typing();
    });
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        submit();
      }
    });
    queueMicrotask(() => {
      body.scrollTop = body.scrollHeight;
    });
    const attach = attachButton({
      label: say('chat.attach'),
      hint: say('chat.attachHint'),
      onFile: (file) => {
        refusal = null;
        const mine: TMine = { id: uuid(), text: file.name, state: 'sending', file, isFile: true };
        thread.push({ mine });
        void send(mine);
      },
      onRefused: (code) => {
        refusal = say(`errors.${code}`);
        render();
      },
    });
    return [
      ...(online ? [] : [h('div', { class: 'status', role: 'status' }, say('chat.reconnecting'))]),
      body,
      ...(refusal ? [h('p', { class: 'error refusal', role: 'alert' }, refusal)] : []),
      h(
        'form',
        {
          class: 'composer',
          onsubmit: (e: Event) => {
            e.preventDefault();
            submit();
          },
        },
        attach,
        text,
        h('button', { class: 'primary', type: 'submit' }, say('chat.send')),
      ),
      h(
        'div',
        { class: 'foot' },
        h(
          'button',
          {
            class: 'secondary',
            type: 'button',
            onclick: () => {
              void connection?.leave('visitor', 2000);
              connection = null;
              ended('visitor');
            },
          },
          say('chat.end'),
        ),
      ),
    ];
  }

  function render(): void {
    root.setAttribute('lang', ui);
    if (view.kind === 'launcher') {
      root.replaceChildren(
        h('button', { class: 'launcher', type: 'button', onclick: open }, say('launcher')),
      );
      return;
    }
    // Typing in the composer must survive a re-render (a reply arriving mid-sentence).
    const typing = shadow.querySelector('textarea')?.value ?? '';
    const closeButton = h(
      'button',
      {
        class: 'secondary',
        type: 'button',
        onclick: () => {
          forget();
          show({ kind: 'launcher' });
        },
      },
      say('close'),
    );
    const parts: HTMLElement[] =
      view.kind === 'connecting'
        ? [h('div', { class: 'body' }, h('p', { class: 'note' }, say('prechat.connecting')))]
        : view.kind === 'prechat'
          ? [prechatBody(view.error)]
          : view.kind === 'chat'
            ? chatBody()
            : [h('div', { class: 'body' }, h('p', { role: 'status' }, view.text), closeButton)];
    root.replaceChildren(
      h(
        'section',
        { class: 'panel', role: 'dialog', 'aria-label': say('launcher') },
        header(),
        ...parts,
      ),
    );
    const textarea = shadow.querySelector('textarea');
    if (textarea) {
      textarea.value = typing;
      textarea.focus();
    }
  }

  render();
}
