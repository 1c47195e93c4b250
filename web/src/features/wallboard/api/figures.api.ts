import { api } from '../../../shared/api/api-client';
import { ZSupervisorFigures } from '../../../../../src/contracts/realtime';

/** Today's figures (since midnight in Vientiane), the same the server pushes as `figures:updated`. */
export const fetchFigures = () => api.get('/api/staff/routing/figures', ZSupervisorFigures);
