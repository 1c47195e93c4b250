import { z } from 'zod';
import { api } from '../../../shared/api/api-client';
import { ZBlock, type TNewBlock } from '../../../../../src/contracts/api/blocklist';

export {
  blockReasons,
  type TBlock,
  type TBlockReason,
  type TNewBlock,
} from '../../../../../src/contracts/api/blocklist';

export const fetchBlocks = () => api.get('/api/staff/blocklist', z.array(ZBlock));
export const addBlock = (body: TNewBlock) => api.post('/api/staff/blocklist', body, ZBlock);
export const removeBlock = (id: string) => api.delete(`/api/staff/blocklist/${id}`);
