import { z } from 'zod';
import { ZWaitingCallerView } from '../../../../../src/contracts/realtime';
import { api } from '../../../shared/api/api-client';

/** Waiting callers one by one (the socket's queue views only carry counts). */
export const fetchWaitingCallers = async () =>
  (await api.get('/api/staff/routing/queue', z.object({ callers: z.array(ZWaitingCallerView) })))
    .callers;
