// Free of zod on purpose: the web chat widget imports it, and must stay small on a visitor's phone.

/** How long a typing notice stands without being repeated (both directions). */
export const CHAT_TYPING_SHOWN_MS = 4000;
