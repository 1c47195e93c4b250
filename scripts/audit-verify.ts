import { requireDatabaseUrl } from '../src/config/config';
import { runEntryPoint } from '../src/config/load';
import { openDatabase } from '../src/infra/database';
import { verifyAuditChain } from '../src/modules/audit/audit.repository';

// `npm run audit:verify`: walks the sealed audit chain and reports the unsealed tail; exit code 0 when intact, 1 at the first break.
await runEntryPoint(async (config) => {
  const database = openDatabase(requireDatabaseUrl(config), { max: 1 });
  try {
    const { rows, firstBreak, unsealed } = await verifyAuditChain(database.db, config);
    if (firstBreak) {
      process.stderr.write(
        `audit chain BROKEN at seq ${firstBreak.seq} (${firstBreak.reason}) after ${rows} intact rows\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(`audit chain intact: ${rows} rows\n`);
    }
    // Rows the sealer has not chained yet: normal for a moment, a warning sign when old.
    if (unsealed.rows)
      process.stdout.write(
        `not yet sealed: ${unsealed.rows} rows, oldest ${unsealed.oldestAt?.toISOString()}\n`,
      );
  } finally {
    await database.close();
  }
});
