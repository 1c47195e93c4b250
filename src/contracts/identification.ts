// Victim identification vocabulary, shared by the server (schema, staff API) and the web app.
// Constants and zod only: web/ imports this file.
import { z } from 'zod';

/** Possible (reported), presumed (indicators seen), identified (by an authority), not a victim. */
export const victimStatuses = ['possible', 'presumed', 'identified', 'not_victim'] as const;
export type TVictimStatus = (typeof victimStatuses)[number];

/** Who identified the person: the police, the Lao Women's Union, MoLSW, a foreign authority. */
export const identifyingAuthorities = ['police', 'lwu', 'molsw', 'foreign_authority'] as const;
export type TIdentifyingAuthority = (typeof identifyingAuthorities)[number];

/**
 * A change of victim status. Identified needs the authority and the date (the national tables
 * count identifications by date); the other statuses carry none.
 */
export const ZIdentification = z
  .object({
    victimStatus: z.enum(victimStatuses),
    identifiedBy: z.enum(identifyingAuthorities).nullable(),
    identificationDate: z.iso.date().nullable(),
    version: z.number().int(),
  })
  .refine((v) => v.victimStatus !== 'identified' || (!!v.identifiedBy && !!v.identificationDate), {
    path: ['identifiedBy'],
    message: 'an identification needs the authority and the date',
  });
export type TIdentification = z.infer<typeof ZIdentification>;
