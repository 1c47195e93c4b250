import { randomBytes } from 'node:crypto';

/** An offer's id: unguessable, so a socket cannot accept an offer it was not given. */
export function newOfferId(): string {
  return `of_${randomBytes(12).toString('base64url')}`;
}
