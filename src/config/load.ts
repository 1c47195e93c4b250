import { ConfigError, parseConfig, type TConfig } from './config';

/** The one place that reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  return parseConfig(env);
}

/**
 * Runs a process entry point; a configuration problem ends it with a single line naming the
 * variable (exit code 78, EX_CONFIG), never a stack trace.
 */
export async function runEntryPoint(main: (config: TConfig) => Promise<void>): Promise<void> {
  try {
    await main(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
