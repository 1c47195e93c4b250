import { z } from 'zod';
import { ZEnv, type TEnv } from './env.schema';

export type TConfig = Readonly<TEnv>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment once into a frozen config; throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): TConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${describe(i)}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

export function requireDatabaseUrl(config: TConfig): string {
  if (!config.DATABASE_URL)
    throw new ConfigError('Invalid configuration: DATABASE_URL is required');
  return config.DATABASE_URL;
}

/** For processes that need a database and Redis given to them (the API and workers run alone). */
export function requireStores(config: TConfig): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = requireDatabaseUrl(config);
  if (!config.REDIS_URL) throw new ConfigError('Invalid configuration: REDIS_URL is required');
  return { databaseUrl, redisUrl: config.REDIS_URL };
}
