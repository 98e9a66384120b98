import net from "node:net";

/** True when nothing listens on `port` (on any address: a dual-stack bind also collides with 127.0.0.1). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port);
  });
}

/**
 * `preferred` when it is free, else the next free port above it (up to 50 further). A test run must not fail
 * because another checkout, or a server left over from an interrupted run, holds the default port.
 */
export async function freePortFrom(preferred: number, taken: ReadonlySet<number> = new Set()): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error(`Tidak ada port bebas di ${preferred}–${preferred + 49}.`);
}
