import type { FastifyPluginAsync } from 'fastify';
import { casesRoutes } from './cases.routes';
import { contactsRoutes } from './contacts.routes';
import { peopleRoutes } from './people.routes';

/** Case records: cases, contacts, people, consent, search. */
export const recordsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(casesRoutes);
  await app.register(contactsRoutes);
  await app.register(peopleRoutes);
};
