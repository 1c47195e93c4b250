import { api } from '../../../shared/api/api-client';
import { ZFormDefinitionView } from '../../../../../src/contracts/victim-profile';

/** The sections this hotline's contact and victim forms show, and the version they are. */
export const getFormDefinition = (hotline: string) =>
  api.get(`/api/staff/form-definitions/${hotline}`, ZFormDefinitionView);
