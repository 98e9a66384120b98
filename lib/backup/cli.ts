import { ensureDatabase } from "@/lib/db/ensure-database";
import { backupDatabase, restoreDatabase } from "./backup.ts";

/** `npm run simpul -- backup FILE` / `restore FILE [--force]` against DATABASE_URL or the embedded server. */
export async function backupCli(command: "backup" | "restore", file: string | undefined, values: { force?: boolean }): Promise<number> {
  if (!file) {
    console.error(`Sebutkan berkas: npm run simpul -- ${command} cadangan-${new Date().toISOString().slice(0, 10)}.tar.gz`);
    return 2;
  }
  const log = (m: string) => console.error(`[simpul] ${m}`);
  let database;
  try {
    database = await ensureDatabase({ log });
  } catch (e) {
    console.error(`Gagal: ${(e as Error).message}${command === "restore" ? " Hentikan aplikasi (npm start) sebelum memulihkan." : ""}`);
    return 1;
  }
  try {
    if (command === "backup") {
      const m = await backupDatabase({ databaseUrl: database.url, file, log });
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`Cadangan ditulis ke ${file}: ${m.tables.length} tabel, ${rows} baris, ${m.files.length} lampiran.`);
    } else {
      const m = await restoreDatabase({ databaseUrl: database.url, file, force: values.force, log });
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`Cadangan ${m.createdAt} dipulihkan: ${m.tables.length} tabel, ${rows} baris, ${m.files.length} lampiran.`);
    }
    return 0;
  } catch (e) {
    console.error(`Gagal: ${(e as Error).message}`);
    return 1;
  } finally {
    await database.stop();
  }
}
