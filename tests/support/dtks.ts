import { db } from "@/lib/db/client";

/** DTKS tables are not in the shared truncate list: drop every batch partition and empty the batch tables. */
export async function resetDtks() {
  await db.$executeRawUnsafe(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT relname FROM pg_class WHERE (relname LIKE 'dtks_name_b_%' OR relname LIKE 'dtks_record_b_%') AND relkind = 'r'
             ORDER BY relname LOOP
      EXECUTE format('DROP TABLE %I', r.relname);
    END LOOP; END $$`);
  await db.$executeRawUnsafe(`TRUNCATE dtks_active, dtks_batch_error, dtks_batch, dtks_mapping, proposal, deliberation CASCADE`);
}
