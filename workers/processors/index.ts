import type { TProcessor } from '../processor';

/** Job name → processor. Every contract in src/jobs/index.ts needs an entry here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const processors: Record<string, TProcessor<any>> = {};
