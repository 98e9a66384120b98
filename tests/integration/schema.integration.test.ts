import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

// Catches drift between prisma/schema/*.prisma (what the client expects) and the hand-written SQL
// migrations (what the database really has).

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

type TColumn = { column: string; nullable: boolean };

/** A small reader for prisma/schema/*.prisma: each model's table and scalar columns, and each enum's values. */
async function readSchema() {
  const dir = path.join(process.cwd(), "prisma", "schema");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".prisma")).sort();
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")))).join("\n");
  const blocks = [...text.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Map<string, string[]>();
  for (const [, kind, name, body] of blocks) {
    if (kind !== "enum") continue;
    enums.set(name, body.split("\n").map((l) => l.replace(/\/\/.*$/, "").trim()).filter(Boolean));
  }
  const modelNames = new Set(blocks.filter((b) => b[1] === "model").map((b) => b[2]));
  const models = new Map<string, { table: string; columns: TColumn[] }>();
  for (const [, kind, name, body] of blocks) {
    if (kind !== "model") continue;
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const columns: TColumn[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const m = /^(\w+)\s+(\w+)(\[\]|\?)?(.*)$/.exec(line);
      if (!m || line.startsWith("@@")) continue;
      const [, field, type, modifier, rest] = m;
      if (modelNames.has(type)) continue; // a relation, not a column
      columns.push({ column: /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? field, nullable: modifier === "?" });
    }
    models.set(name, { table, columns });
  }
  return { models, enums };
}

describe("schema.prisma and the migrations agree", () => {
  it("every model delegate can read its table", async () => {
    const { models } = await readSchema();
    const delegates = [...models.keys()].map((m) => m[0].toLowerCase() + m.slice(1));
    // The foundation's models, named so that a parser slip cannot quietly check nothing.
    expect(delegates).toEqual(expect.arrayContaining([
      "region", "office", "user", "userSession", "loginThrottle", "apiToken", "ppksCategory", "psksType", "auditLog",
    ]));
    const client = db as unknown as Record<string, { findFirst?: () => Promise<unknown> } | undefined>;
    for (const delegate of delegates) {
      // Missing when the generated client is older than schema.prisma (run `npx prisma generate`).
      expect(typeof client[delegate]?.findFirst, `db.${delegate}`).toBe("function");
      // Selects every column the client knows: fails when the migrations lack one of them.
      const error = await client[delegate]!.findFirst!().then(() => null, (e: Error) => e.message);
      expect(error, `${delegate}.findFirst()`).toBeNull();
    }
  });

  it("every table has exactly the schema's columns, with the same nullability", async () => {
    const { models } = await readSchema();
    expect(models.size).toBeGreaterThanOrEqual(9);
    for (const [model, { table, columns }] of models) {
      const actual = await db.$queryRawUnsafe<{ column_name: string; is_nullable: string }[]>(
        `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        table,
      );
      expect(actual.length, `table ${table} of model ${model} exists`).toBeGreaterThan(0);
      const inDb = Object.fromEntries(actual.map((c) => [c.column_name, c.is_nullable === "YES"]));
      const inSchema = Object.fromEntries(columns.map((c) => [c.column, c.nullable]));
      expect(inDb, `columns of ${table}`).toEqual(inSchema);
    }
  });

  it("every enum has the schema's values in the database", async () => {
    const { enums } = await readSchema();
    expect([...enums.keys()]).toEqual(expect.arrayContaining(["OfficeKind", "RegionLevel", "Role"]));
    for (const [name, values] of enums) {
      const rows = await db.$queryRawUnsafe<{ label: string }[]>(
        `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        name,
      );
      // Order is not compared: ALTER TYPE … ADD VALUE appends, and Prisma does not depend on the order.
      expect(rows.map((r) => r.label).sort(), `enum ${name}`).toEqual([...values].sort());
    }
  });
});

describe("migrate()", () => {
  it("applies nothing the second time", async () => {
    const url = process.env.DATABASE_URL!;
    const names = (await readdir(MIGRATIONS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const before = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "_simpul_migrations" ORDER BY name`);
    expect(before.map((r) => r.name)).toEqual(names);

    expect(await migrate(url)).toEqual([]);
    const after = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "_simpul_migrations" ORDER BY name`);
    expect(after).toEqual(before);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "simpul-migrations-"));
    try {
      await cp(MIGRATIONS, dir, { recursive: true });
      const first = (await readdir(dir)).sort()[0];
      const file = path.join(dir, first, "migration.sql");
      await writeFile(file, `${await readFile(file, "utf8")}\n-- edited after it was applied\n`);
      await expect(migrate(process.env.DATABASE_URL!, { dir })).rejects.toThrow(/changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
