import { api } from '../../../shared/api/api-client';
import { ZFormVersions } from '../../../../../src/contracts/api/form-definitions';
import {
  ZFormDefinitionView,
  type TFormDefinition,
} from '../../../../../src/contracts/victim-profile';

export type {
  TFormVersion,
  TFormVersions,
} from '../../../../../src/contracts/api/form-definitions';

/** Every version of the hotline's form, newest (current) first. */
export const fetchFormVersions = (hotline: string) =>
  api.get(`/api/staff/form-definitions/${hotline}/versions`, ZFormVersions);

/** Publishes the next version (audited on the server); earlier records keep theirs. */
export const publishForm = (hotline: string, definition: TFormDefinition) =>
  api.post(`/api/staff/form-definitions/${hotline}`, { definition }, ZFormDefinitionView);
