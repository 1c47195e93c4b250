import { readFileSync } from 'node:fs';

/**
 * A server left running by a run that was killed hard (SIGKILL, power loss) would hold its
 * port and data folder. Stop it if its pid file names a live process running `command`.
 */
export async function stopStaleProcess(pidFile: string, command: string): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 1 || !isRunning(pid, command)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isRunning(pid, command); i++)
    await new Promise((r) => setTimeout(r, 100));
  if (isRunning(pid, command)) process.kill(pid, 'SIGKILL');
}

function isRunning(pid: number, command: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command);
  } catch {
    return false;
  }
}
