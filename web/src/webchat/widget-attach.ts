import {
  WEBCHAT_ATTACHMENT_MAX_BYTES,
  WEBCHAT_ATTACHMENT_TYPES,
  type TWebchatAttachmentType,
} from '../../../src/contracts/webchat-constants';
import { h } from './widget-dom';

export const ATTACHMENT_MB = String(WEBCHAT_ATTACHMENT_MAX_BYTES / 1_000_000);

/** A file chosen to send, read into memory only (never into the browser's storage). */
export type TChosenFile = { name: string; type: TWebchatAttachmentType; bytes: Uint8Array };

const isAllowed = (type: string): type is TWebchatAttachmentType =>
  (WEBCHAT_ATTACHMENT_TYPES as readonly string[]).includes(type);

/**
 * The composer's attach button: a file picker limited to photos, voice notes and PDFs. A file of
 * another type or over the size limit is refused here, before anything is sent, with the error
 * code the server would answer (the widget explains it); the server checks both again.
 */
export function attachButton(options: {
  label: string;
  hint: string;
  onFile: (file: TChosenFile) => void;
  onRefused: (
    code: 'WEBCHAT_ATTACHMENT_TYPE' | 'WEBCHAT_ATTACHMENT_TOO_LARGE' | 'VALIDATION_FAILED',
  ) => void;
}): HTMLElement {
  const input = h('input', {
    type: 'file',
    accept: WEBCHAT_ATTACHMENT_TYPES.join(','),
    class: 'file-input',
    'aria-label': options.label,
    tabindex: -1,
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const type = file.type.toLowerCase();
    if (!isAllowed(type)) return options.onRefused('WEBCHAT_ATTACHMENT_TYPE');
    if (file.size > WEBCHAT_ATTACHMENT_MAX_BYTES)
      return options.onRefused('WEBCHAT_ATTACHMENT_TOO_LARGE');
    if (file.size === 0) return options.onRefused('VALIDATION_FAILED');
    void file
      .arrayBuffer()
      .then((buffer) =>
        options.onFile({ name: file.name.slice(0, 120), type, bytes: new Uint8Array(buffer) }),
      );
  });
  return h(
    'span',
    { class: 'attach' },
    input,
    h(
      'button',
      {
        class: 'secondary attach-button',
        type: 'button',
        title: options.hint,
        onclick: () => input.click(),
      },
      options.label,
    ),
  );
}
