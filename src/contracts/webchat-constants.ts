// Plain constants of the web chat contract, without zod: the widget bundles only these and the
// types, so it stays small on a visitor's phone.

export const WEBCHAT_NAMESPACE = '/webchat';

/** Messages a visitor may type at once; the chat module takes up to 4096, a widget needs less. */
export const WEBCHAT_TEXT_MAX = 2000;

/** The room of one visitor's conversation (every socket of it, on any API node). */
export const webchatRoom = (ref: string) => `webchat:${ref}`;
