/**
 * Operator CLI: `npm run simpul -- <command>`.
 *   db migrate                                    apply committed migrations
 *   seed demo                                     seed the Kota Madiun demo district (idempotent)
 *   regions import <district-code>                load a kabupaten/kota's Kemendagri regions
 *   user create --username U --name "N" --role ROLE --office OFFICE_CODE [--scope REGION] [--rt 001,002]
 *   user reset-2fa --user USERNAME                forget a user's authenticator app (lost phone, lost TOTP key)
 *   token create --user USERNAME [--name "integration name"]
 * Without DATABASE_URL the embedded PostgreSQL of `npm start` is used.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { ensureDatabase } from "@/lib/db/ensure-database";

const HELP = `Pemakaian: npm run simpul -- <perintah>
  db migrate
  seed demo
  regions import <kode-kab/kota>          mis. 35.77
  user create --username U --name "Nama" --role ROLE --office KODE_KANTOR [--scope KODE_WILAYAH] [--rt 001,002]
  user reset-2fa --user USERNAME          atur ulang verifikasi dua langkah (HP hilang); daftar ulang saat masuk berikutnya
  token create --user USERNAME [--name "nama integrasi"]
  dtks import BERKAS.csv|.xlsx [--region KODE] [--source DTKS|DTSEN] [--period TTTT-BB] [--force]
  dtks lookup --nik NIK | --no-kk NOMOR_KK [--as-user USERNAME]
  eligibility assess BERKAS.json --as-user USERNAME   (isi seperti POST /api/v1/eligibility/assess)
  referrals escalate                      tandai rujukan lewat tenggat, beri tahu meja, eskalasi ke supervisor
  backup BERKAS.tar.gz                    cadangkan basis data + lampiran (SIMPUL_FILES_DIR)
  restore BERKAS.tar.gz [--force]         pulihkan cadangan (MENIMPA basis data; hentikan aplikasi dulu)
  privacy export --nik NIK [--out BERKAS.json] [--as-user USERNAME]   semua data seseorang (permintaan akses UU PDP)
  privacy purge [--years N] [--dry-run]   anonimkan kasus selesai lebih tua dari N tahun (SIMPUL_RETENTION_YEARS)`;

async function main() {
  const [group, verb, ...rest] = process.argv.slice(2);
  if (!group || group === "help" || group === "--help") {
    console.log(HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: "string" }, name: { type: "string" }, role: { type: "string" }, office: { type: "string" },
      scope: { type: "string" }, rt: { type: "string" }, user: { type: "string" },
      region: { type: "string" }, source: { type: "string" }, period: { type: "string" }, nik: { type: "string" },
      "no-kk": { type: "string" }, force: { type: "boolean" }, "as-user": { type: "string" },
      out: { type: "string" }, years: { type: "string" }, "dry-run": { type: "boolean" },
    },
  });
  if (group === "backup" || group === "restore") {
    // `backup FILE` / `restore FILE`: the file is the verb position.
    const { backupCli } = await import("@/lib/backup/cli");
    return backupCli(group, verb, values);
  }
  const database = await ensureDatabase({ log: (m) => console.error(`[simpul] ${m}`) });
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db/client");
  const operator = `cli:${os.userInfo().username}`;
  try {
    switch (`${group} ${verb}`) {
      case "db migrate":
        console.log("Migrasi selesai.");
        return 0;
      case "seed demo": {
        const { seedDemoDistrict, DEMO_USERS, DEMO_PASSWORD, DEMO_TOTP_SECRET } = await import("@/lib/seed/demo");
        const r = await seedDemoDistrict(db);
        console.log(r.created ? "Data demo Kota Madiun dibuat." : "Data demo sudah ada; wilayah dan data acuan diperbarui.");
        console.log(`Login demo (kata sandi: ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(", ")}`);
        console.log(`Kunci demo verifikasi dua langkah (TOTP) untuk admin dan dinsos: ${DEMO_TOTP_SECRET}`);
        return 0;
      }
      case "regions import": {
        const code = positionals[0];
        if (!code) throw new Error("Sebutkan kode kabupaten/kota, mis. 35.77");
        const { importDistrictRegions } = await import("@/lib/seed/bootstrap");
        const r = await importDistrictRegions(db, code);
        console.log(`${r.rows} wilayah: ${r.created} baru, ${r.updated} diperbarui.`);
        return 0;
      }
      case "user create": {
        const { ZCreateUserInput } = await import("@/lib/users/schemas");
        const { createUser } = await import("@/lib/users/create-user");
        const office = await db.office.findUnique({ where: { code: values.office ?? "" } });
        if (!office) throw new Error(`Kantor dengan kode "${values.office ?? ""}" tidak ditemukan.`);
        const parsed = ZCreateUserInput.safeParse({
          username: values.username, name: values.name, role: values.role, officeId: office.id,
          scopeRegionCode: values.scope, rtList: values.rt,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
          return 2;
        }
        const actor = {
          id: operator, username: operator, role: "ADMIN" as const, officeId: office.id,
          districtCode: office.districtCode, scopeRegionCode: office.districtCode, rtList: [],
        };
        const r = await createUser(actor, parsed.data);
        console.log(`Pengguna ${r.username} dibuat. Kata sandi sementara (wajib diganti saat masuk): ${r.temporaryPassword}`);
        return 0;
      }
      case "user reset-2fa": {
        const { resetSecondFactor } = await import("@/lib/users/update-user");
        const user = await db.user.findUnique({ where: { username: values.user ?? "" } });
        if (!user) throw new Error(`Pengguna "${values.user ?? ""}" tidak ditemukan.`);
        // The operator with shell access is trusted (docs/security.md); this is the way back in when every admin lost their phone.
        const actor = {
          id: operator, username: operator, role: "ADMIN" as const, officeId: user.officeId,
          districtCode: user.districtCode, scopeRegionCode: user.districtCode, rtList: [],
        };
        const r = await resetSecondFactor(actor, user.id);
        console.log(`Verifikasi dua langkah ${r.username} diatur ulang: ia mendaftarkan aplikasi autentikator baru saat masuk berikutnya.`);
        return 0;
      }
      case "token create": {
        const { createApiToken } = await import("@/lib/api/tokens");
        const user = await db.user.findUnique({ where: { username: values.user ?? "" } });
        if (!user) throw new Error(`Pengguna "${values.user ?? ""}" tidak ditemukan.`);
        const r = await createApiToken({ id: null, label: operator }, user.id, values.name ?? "integrasi");
        console.log(r.token);
        console.error(`Token untuk ${r.username} dibuat. Simpan sekarang: token ini tidak dapat ditampilkan lagi.`);
        return 0;
      }
      case "dtks import":
      case "dtks lookup": {
        const { dtksCli } = await import("@/lib/dtks/cli");
        return await dtksCli(verb, positionals, values, operator);
      }
      case "eligibility assess": {
        const { eligibilityCli } = await import("@/lib/eligibility/cli");
        return await eligibilityCli(positionals, values);
      }
      case "referrals escalate": {
        const { escalateReferrals } = await import("@/lib/referrals/escalate");
        const r = await escalateReferrals(db);
        console.log(`Rujukan: ${r.markedOverdue} ditandai lewat tenggat, ${r.escalated} dieskalasi, ${r.notifications} notifikasi.`);
        return 0;
      }
      case "privacy export":
      case "privacy purge": {
        const { privacyCli } = await import("@/lib/privacy/cli");
        return await privacyCli(verb, values, operator);
      }
      default:
        console.error(`Perintah tidak dikenal: ${group} ${verb ?? ""}\n${HELP}`);
        return 2;
    }
  } catch (e) {
    const err = e as { message?: string; fieldErrors?: Record<string, string[]> };
    console.error(`Gagal: ${err.message}`);
    for (const [f, msgs] of Object.entries(err.fieldErrors ?? {})) console.error(`  ${f}: ${msgs.join(" ")}`);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then((code) => process.exit(code));
