import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePortFrom, isPortFree } from "../../scripts/lib/free-port";

const held: net.Server[] = [];
function hold(port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, host, () => resolve());
    held.push(server);
  });
}
afterEach(async () => {
  await Promise.all(held.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("freePortFrom", () => {
  it("keeps a free port, skips one a server holds on 127.0.0.1 (as PostgreSQL does) and ports already given out", async () => {
    const base = 47_611;
    expect(await freePortFrom(base)).toBe(base);
    await hold(base, "127.0.0.1");
    expect(await isPortFree(base)).toBe(false);
    expect(await freePortFrom(base)).toBe(base + 1);
    expect(await freePortFrom(base, new Set([base + 1]))).toBe(base + 2);
  });
});
