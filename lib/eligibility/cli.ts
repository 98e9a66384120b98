import "server-only";
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db/client";
import { assessRequest } from "./assess-inline.ts";

/**
 * `npm run simpul -- eligibility assess FILE.json --as-user USERNAME`: the same request body as
 * POST /api/v1/eligibility/assess, run as that user (their role and scope); prints each result and
 * its explanation, then the program suggestions.
 */
export async function eligibilityCli(positionals: string[], values: { "as-user"?: string }): Promise<number> {
  const file = positionals[0];
  if (!file) throw new Error("Sebutkan berkas JSON: eligibility assess BERKAS.json --as-user USERNAME");
  if (!values["as-user"]) throw new Error("Sebutkan petugas penilai: --as-user USERNAME (mis. backoffice).");
  const user = await db.user.findUnique({ where: { username: values["as-user"] } });
  if (!user || !user.active) throw new Error(`Pengguna "${values["as-user"]}" tidak ditemukan atau nonaktif.`);
  let body: unknown;
  try {
    body = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw new Error(`Berkas ${file} tidak bisa dibaca sebagai JSON: ${(e as Error).message}`);
  }
  const actor = { id: user.id, username: user.username, role: user.role, officeId: user.officeId, districtCode: user.districtCode, scopeRegionCode: user.scopeRegionCode, rtList: user.rtList };
  const r = await assessRequest(actor, body, { ip: "cli" });
  for (const o of r.results) console.log(`${o.method}: ${o.label}\n  ${o.explanation}`);
  console.log(r.recommendations.length ? `Saran program:\n${r.recommendations.map((x) => `  - ${x.program} (aturan ${x.ruleCode}): ${x.reason}`).join("\n")}` : "Saran program: tidak ada.");
  console.log(r.stored ? `Tersimpan sebagai penilaian ${r.runId}.` : "Tidak disimpan (rumah tangga dikirim langsung).");
  return 0;
}
