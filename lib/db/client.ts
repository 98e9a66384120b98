import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

import { Prisma } from "./generated/client.ts";
export { Prisma };
export type { Role, OfficeKind, RegionLevel } from "./generated/client.ts";

function createClient() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Simpul with `npm start`, which provides one.");
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { simpulPrisma?: Client };

/** The one Prisma client of the process (reused across hot reloads in development). */
export const db: Client = new Proxy({} as Client, {
  get(_target, prop) {
    globalForPrisma.simpulPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.simpulPrisma, prop);
    return typeof value === "function" ? value.bind(globalForPrisma.simpulPrisma) : value;
  },
});

/** A transaction client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
export type Db = Client | Tx;

export async function disconnectDb() {
  await globalForPrisma.simpulPrisma?.$disconnect();
  globalForPrisma.simpulPrisma = undefined;
}
