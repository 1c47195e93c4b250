import type { TConfig } from '../../config/config';
import type { TDatabase } from '../../infra/database';

/** What the records services need: the database and the config (keys come from it). */
export type TRecordsDeps = { db: TDatabase; config: TConfig };
