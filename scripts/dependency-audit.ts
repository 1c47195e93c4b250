import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { judgeAudit, type TAuditException } from './dependency-audit.policy';

/**
 * `npm run audit:deps`: fails on a high or critical advisory in the installed dependencies unless
 * audit-exceptions.json records it with a reason. When the advisory endpoint cannot be reached
 * the audit did not run: it says so loudly, and fails with `--strict` (CI) rather than pass.
 */
const strict = process.argv.includes('--strict');
const exceptions = JSON.parse(
  readFileSync(new URL('../audit-exceptions.json', import.meta.url), 'utf8'),
) as TAuditException[];
const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = judgeAudit(run.stdout || '', exceptions);

if (verdict.kind === 'unreachable') {
  console.error(`DEPENDENCY AUDIT NOT RUN: the npm advisory endpoint could not be reached.`);
  console.error(`  npm said: ${verdict.detail}`);
  console.error(
    strict
      ? '  --strict: failing.'
      : '  Run `npm run audit:deps -- --strict` where it is reachable.',
  );
  process.exit(strict ? 2 : 0);
}
for (const line of verdict.recorded) console.log(`recorded exception: ${line}`);
if (verdict.kind === 'unrecorded') {
  console.error('High or critical advisories not recorded in audit-exceptions.json:');
  for (const line of verdict.findings) console.error(`  ${line}`);
  process.exit(1);
}
console.log('dependency audit: no unrecorded high or critical advisories');
