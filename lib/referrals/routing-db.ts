import "server-only";
import { db } from "@/lib/db/client";

/** The client for pages that read routing data, so that app/ never imports the Prisma client itself. */
export function routingDb() {
  return db;
}
