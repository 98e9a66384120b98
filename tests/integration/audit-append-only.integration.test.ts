import { describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";

describe("audit_log is append-only in the database itself", () => {
  it("accepts inserts but refuses UPDATE, DELETE and TRUNCATE", async () => {
    await writeAudit(db, { id: null, label: "uji" }, { action: "test.append", entity: "test", entityId: "append-only" });
    const row = await db.auditLog.findFirstOrThrow({ where: { entityId: "append-only" }, orderBy: { id: "desc" } });
    await expect(db.$executeRawUnsafe(`UPDATE audit_log SET action = 'x' WHERE id = ${row.id}`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_log WHERE id = ${row.id}`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const again = await db.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.action).toBe("test.append");
  });
});
