import fp from 'fastify-plugin';

/**
 * Joins the web chat namespace to the chat module, both built by then: visitors' messages go to
 * the chat inbox, and the outbox writes to visitors through the namespace ('web' transport).
 */
export const webchatLinkPlugin = fp(
  async (app) => {
    app.chat.transports.web = app.webchat.transport;
    app.webchat.connectInbox(app.chat.inbox);
  },
  { name: 'webchat-link', dependencies: ['realtime', 'chat'] },
);
