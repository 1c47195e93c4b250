import type { FastifyPluginAsync } from 'fastify';
import { casesRoutes } from './cases.routes';
import { contactsRoutes } from './contacts.routes';
import { followUpsRoutes } from './follow-ups.routes';
import { peopleRoutes } from './people.routes';

/** Case records: cases, contacts, people, consent, search. */
export const recordsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(casesRoutes);
  await app.register(contactsRoutes);
  await app.register(peopleRoutes);
  await app.register(followUpsRoutes);
};
