import type { TProcessor } from '../processor';
import { keyRotationProcessor } from './key-rotation.processor';
import { retentionProcessor } from './retention.processor';

/** Job name → processor. Every contract in src/jobs/index.ts needs an entry here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const processors: Record<string, TProcessor<any>> = {
  'key-rotation': keyRotationProcessor,
  'retention-sweep': retentionProcessor,
};
