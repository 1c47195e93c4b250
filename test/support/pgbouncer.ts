import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ensureDebianTool } from '../../scripts/local/debian-package';
import { freePort } from '../../scripts/local/free-port';
import { waitForPort } from './wait-for-port';

const PGBOUNCER = '/usr/sbin/pgbouncer';

export type TPgBouncer = { url: string; stop: () => Promise<void> };

/** Debian's PgBouncer, installed as root when missing (as npm test does for Redis and Chromium). */
export function ensurePgBouncer(): void {
  ensureDebianTool(
    {
      name: PGBOUNCER,
      debianPackage: 'pgbouncer',
      isPresent: () => existsSync(PGBOUNCER),
      howTo: `This test needs Debian's PgBouncer at ${PGBOUNCER}: run \`sudo apt-get update && sudo apt-get install -y pgbouncer\`, then npm test again.`,
    },
    (line) => console.log(line),
  );
}

/**
 * A real PgBouncer in transaction mode in front of one database, with fewer server connections
 * than the application opens: consecutive statements of one client land on different server
 * connections, which is exactly what breaks session state and named prepared statements.
 */
export async function startPgBouncer(
  databaseUrl: string,
  serverConnections = 2,
): Promise<TPgBouncer> {
  ensurePgBouncer();
  const target = new URL(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-pgbouncer-'));
  chmodSync(dir, 0o777); // PgBouncer refuses to run as root; it runs as `postgres` and writes here
  const port = await freePort();
  const database = target.pathname.slice(1);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port} dbname=${database} user=${decodeURIComponent(target.username)} password=${decodeURIComponent(target.password)}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      `default_pool_size = ${serverConnections}`,
      'max_client_conn = 200',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    ].join('\n'),
  );
  chmodSync(join(dir, 'pgbouncer.ini'), 0o644);
  const asRoot = userInfo().uid === 0;
  if (asRoot) spawnSync('chown', ['-R', 'postgres', dir]);
  const child = spawn(
    PGBOUNCER,
    [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')],
    {
      stdio: 'ignore',
    },
  );
  await waitForPort(port, 'PgBouncer');
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 200));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
