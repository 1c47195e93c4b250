import { freePort } from '../../scripts/local/free-port';

/** How a rig picks its ports; tests of the rig pass one that hands out a taken port first. */
export type TPortChooser = () => Promise<number>;

/** The error `listen` gives when another process bound the port after `freePort()` chose it. */
export function isPortTaken(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/**
 * Starts a rig whose ports must be known before it listens (they go into its configuration:
 * PUBLIC_BASE_URL, TWILIO_API_BASE_URL). `freePort()` then `listen` leaves a gap in which a
 * parallel test file may take the port: when the start fails with EADDRINUSE, it is started
 * again on new ports. `start` must undo all it did before it throws.
 */
export async function startOnFreePorts<T>(
  count: number,
  start: (ports: number[]) => Promise<T>,
  options: { choosePort?: TPortChooser; attempts?: number } = {},
): Promise<T> {
  const choosePort = options.choosePort ?? freePort;
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const ports: number[] = [];
    while (ports.length < count) {
      const port = await choosePort();
      if (!ports.includes(port)) ports.push(port);
    }
    try {
      return await start(ports);
    } catch (err) {
      if (!isPortTaken(err) || attempt >= attempts) throw err;
    }
  }
}
