import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI insists on downloading a native schema engine, which is unreachable offline and
// which Simpul does not use: migrations are committed SQL applied by lib/db/migrate.ts.
// `prisma generate` only needs the WASM parts shipped inside the npm package, so point the
// schema-engine lookup at a script that explains itself instead of letting it download.
// See docs/decisions/0002-migrations-without-schema-engine.md.
process.env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING ??= "1";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "scripts", "no-schema-engine.sh");

export default defineConfig({
  // A folder: one .prisma file per area (foundation, households-cases, …); generator and datasource in foundation.prisma.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://simpul@127.0.0.1:5432/simpul" },
});
