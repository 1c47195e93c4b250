import type { TRecordsDeps } from '../cases/records.deps';

/** A checked row ready to write, with what its references resolved to. */
export type TGoodRow = {
  externalId: string;
  values: Record<string, unknown>;
  person?: TImportedPerson;
  unit?: { id: string; organisationKey: string };
  /** The imported case the row joins (case_external_id). */
  caseId?: string;
};
export type TImportedPerson = {
  personId: string;
  caseId: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageAtIdentification: number | null;
  under18AtIdentification: boolean | null;
  nationalities: string[];
  residenceProvinceCode: string | null;
};
export type TWriteContext = {
  deps: TRecordsDeps;
  hotline: string;
  batchId: string;
  actorId: string;
};
