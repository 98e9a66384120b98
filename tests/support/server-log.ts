import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * "A NIK never appears in the server log" — the pieces of the check scripts/test.ts runs after the
 * e2e specs: which identity numbers the run used, and which of them the server printed.
 */

/** Every 16-digit NIK / No KK of `ids` that occurs in `log`, also inside a longer run of digits. */
export function findIdNumbersInLog(log: string, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const found = new Set<string>();
  for (const [run] of log.matchAll(/\d{16,}/g)) {
    for (let i = 0; i + 16 <= run.length; i++) {
      const candidate = run.slice(i, i + 16);
      if (wanted.has(candidate)) found.add(candidate);
    }
  }
  return [...found].sort();
}

/** 16-digit literals written in the e2e specs and the fixture files they upload. */
export function idNumbersInSources(dirs: string[]): Set<string> {
  const out = new Set<string>();
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) return readdirSync(p).forEach((name) => walk(path.join(p, name)));
    for (const [n] of readFileSync(p, "latin1").matchAll(/(?<!\d)\d{16}(?!\d)/g)) out.add(n);
  };
  dirs.forEach(walk);
  return out;
}

/**
 * Every NIK and No KK in the e2e database after the run: the demo district's people and DTKS rows
 * the specs looked up, and everything the specs registered — including the numbers they generated.
 */
export async function idNumbersInDatabase(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`
      SELECT nik AS id FROM person WHERE nik IS NOT NULL
      UNION SELECT no_kk FROM household WHERE no_kk IS NOT NULL
      UNION SELECT nik::text FROM dtks_record
      UNION SELECT no_kk::text FROM dtks_record WHERE no_kk IS NOT NULL`);
    return new Set(rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}
