import "server-only";
// The usulan (proposal) flow for a household that should be in the register but is not (DOMAIN.md §4):
// Puskesos proposes (KTP + KK seen) → musyawarah desa/kelurahan (berita acara) → verivali visit → Dinsos
// approves or rejects with a reason → approved ones export for the Ministry's upload. Every step is
// scoped (the household's kelurahan) and audited in the same transaction.

import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import { can, scopeWhere, type TActor } from "@/lib/access/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { checkPhotoBytes, cleanFileName } from "@/lib/cases/add-attachment";
import { fileStore, storageFailure, type TFileStore } from "@/lib/cases/file-store";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditActorOf, loadHouseholdFor } from "@/lib/households/household-access";

export const ZCreateProposal = z.strictObject({
  householdId: z.string().min(1),
  reason: z.string().trim().min(10, "Tulis alasan usulan (minimal 10 huruf)."),
  ppksCode: z.string().trim().max(10).optional().or(z.literal("").transform(() => undefined)),
  ktpAttached: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
  kkAttached: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
});
export const ZDecideProposal = z.strictObject({
  proposalId: z.string().min(1),
  decision: z.enum(["DISETUJUI", "DITOLAK"], { message: "Pilih setujui atau tolak." }),
  reason: z.string().trim().optional(),
}).refine((v) => v.decision === "DISETUJUI" || (v.reason ?? "").length >= 5, { message: "Tulis alasan penolakan.", path: ["reason"] });
export const ZVerivali = z.strictObject({
  proposalId: z.string().min(1),
  outcome: z.enum(["DITEMUKAN", "TIDAK_DITEMUKAN", "PINDAH", "MENOLAK", "GANDA", "BAGIAN_DOKUMEN_LAIN"], { message: "Pilih hasil verivali." }),
  note: z.string().trim().optional(),
});
/** The verivali form: the outcome plus an optional photo of the visit (an empty file input means none). */
export const ZVerivaliForm = ZVerivali.extend({
  photo: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, { message: "Pilih foto." }).optional()
    .transform((f) => (f && f.size > 0 ? f : undefined)),
});
export const ZDeliberation = z.strictObject({
  regionCode: z.string().min(1),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Isi tanggal musyawarah."),
  place: z.string().trim().min(3, "Isi tempat musyawarah."),
  chair: z.string().trim().min(3, "Isi nama pimpinan musyawarah."),
  attendees: z.coerce.number().int().min(0).default(0),
  proposalIds: z.array(z.string()).min(1, "Pilih minimal satu usulan."),
});

export const OPEN_STATUSES = ["DIUSULKAN", "MUSYAWARAH", "DIVERIFIKASI"] as const;

export async function createProposal(actor: TActor, input: z.infer<typeof ZCreateProposal>, ctx: TRequestContext = {}) {
  return db.$transaction(async (tx) => {
    const h = await loadHouseholdFor(tx, actor, "read", input.householdId, ctx);
    await authorize(actor, "create", "proposal", { id: h.id, districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt }, ctx);
    const open = await tx.proposal.findFirst({ where: { householdId: h.id, status: { in: [...OPEN_STATUSES] } } });
    if (open) throw new AppError("CONFLICT", "Rumah tangga ini sudah punya usulan yang sedang berjalan.");
    const p = await tx.proposal.create({
      data: {
        districtCode: h.districtCode, regionCode: h.regionCode, rt: h.rt, householdId: h.id, noKk: h.noKk,
        ppksCode: input.ppksCode ?? null, reason: input.reason, ktpAttached: input.ktpAttached, kkAttached: input.kkAttached,
        createdById: actor.id,
      },
    });
    await writeAudit(tx, auditActorOf(actor, ctx), { action: "proposal.create", entity: "proposal", entityId: p.id, regionCode: p.regionCode, districtCode: p.districtCode, after: { householdId: h.id, reason: p.reason, ppksCode: p.ppksCode } });
    return p;
  });
}

async function loadProposal(actor: TActor, tx: typeof db | Parameters<Parameters<typeof db.$transaction>[0]>[0], id: string, action: "update" | "read", resource: "proposal" | "dtks", ctx: TRequestContext) {
  const p = await tx.proposal.findFirst({ where: { id, districtCode: actor.districtCode } });
  if (!p) throw new AppError("NOT_FOUND", "Usulan tidak ditemukan.");
  await authorize(actor, action, resource, { id, districtCode: p.districtCode, regionCode: p.regionCode, rt: p.rt }, ctx);
  return p;
}

export async function decideProposal(actor: TActor, input: z.infer<typeof ZDecideProposal>, ctx: TRequestContext = {}) {
  return db.$transaction(async (tx) => {
    // Deciding what goes into the register is `update` on dtks (DINSOS, MANAJER).
    const p = await loadProposal(actor, tx, input.proposalId, "update", "dtks", ctx);
    if (!(OPEN_STATUSES as readonly string[]).includes(p.status)) throw new AppError("CONFLICT", "Usulan ini sudah diputuskan.");
    const updated = await tx.proposal.update({
      where: { id: p.id, version: p.version },
      data: { status: input.decision, decisionReason: input.reason || null, decidedAt: new Date(), decidedById: actor.id, version: { increment: 1 } },
    });
    await writeAudit(tx, auditActorOf(actor, ctx), { action: input.decision === "DISETUJUI" ? "proposal.approve" : "proposal.reject", entity: "proposal", entityId: p.id, regionCode: p.regionCode, districtCode: p.districtCode, before: { status: p.status }, after: { status: updated.status, reason: input.reason ?? null } });
    return updated;
  });
}

export type TVerivaliPhoto = { fileName: string; bytes: Uint8Array };

/**
 * Records the verivali visit, with a photo when one was taken ("by name, by address, by photo", DOMAIN.md
 * §4). The photo goes through the same checks and file store as case attachments; its bytes are stored
 * before the transaction, so a failed transaction leaves only unreferenced bytes, never a row without them.
 */
export async function recordVerivali(
  actor: TActor, input: z.infer<typeof ZVerivali> & { photo?: TVerivaliPhoto }, ctx: TRequestContext = {}, store: TFileStore = fileStore(),
) {
  const contentType = input.photo ? checkPhotoBytes(input.photo.bytes) : null;
  let photo: { fileName: string; storageKey: string; sha256: string; sizeBytes: number; contentType: string } | null = null;
  if (input.photo && contentType) {
    const scoped = await loadProposal(actor, db, input.proposalId, "update", "proposal", ctx);
    const fileName = cleanFileName(input.photo.fileName || "foto-verivali.jpg", contentType);
    const storageKey = `${scoped.districtCode}/usulan-${scoped.id}/${randomBytes(16).toString("hex")}.${fileName.split(".").pop()}`;
    await store.put(storageKey, input.photo.bytes, contentType).catch((e: unknown) => { throw storageFailure(e); });
    photo = { fileName, storageKey, contentType, sizeBytes: input.photo.bytes.byteLength, sha256: createHash("sha256").update(input.photo.bytes).digest("hex") };
  }
  return db.$transaction(async (tx) => {
    const p = await loadProposal(actor, tx, input.proposalId, "update", "proposal", ctx);
    if (!(OPEN_STATUSES as readonly string[]).includes(p.status)) throw new AppError("CONFLICT", "Usulan ini sudah diputuskan.");
    const updated = await tx.proposal.update({
      where: { id: p.id, version: p.version },
      data: { status: "DIVERIFIKASI", verivaliOutcome: input.outcome, verivaliNote: input.note || null, verivaliAt: new Date(), verivaliById: actor.id, version: { increment: 1 } },
    });
    const photoRow = photo
      ? await tx.proposalPhoto.create({ data: { proposalId: p.id, districtCode: p.districtCode, uploadedById: actor.id, ...photo }, select: { id: true } })
      : null;
    await writeAudit(tx, auditActorOf(actor, ctx), {
      action: "proposal.verivali", entity: "proposal", entityId: p.id, regionCode: p.regionCode, districtCode: p.districtCode, before: { status: p.status },
      after: { outcome: input.outcome, ...(photo && photoRow ? { photoId: photoRow.id, fileName: photo.fileName, sizeBytes: photo.sizeBytes, sha256: photo.sha256 } : {}) },
    });
    return updated;
  });
}

/** A verivali photo of a proposal in the actor's scope, for download; null when either is not found or out of scope. */
export async function getProposalPhotoForDownload(actor: TActor, proposalId: string, photoId: string) {
  if (!can(actor, "read", "proposal")) return null;
  const proposal = await db.proposal.findFirst({ where: { AND: [scopeWhere(actor, "proposal"), { id: proposalId }] }, select: { id: true } });
  if (!proposal) return null;
  return db.proposalPhoto.findFirst({ where: { id: photoId, proposalId: proposal.id }, select: { storageKey: true, contentType: true, fileName: true } });
}

export async function createDeliberation(actor: TActor, input: z.infer<typeof ZDeliberation>, ctx: TRequestContext = {}) {
  return db.$transaction(async (tx) => {
    await authorize(actor, "update", "proposal", { districtCode: actor.districtCode, regionCode: input.regionCode }, ctx);
    const ids = [...new Set(input.proposalIds)];
    // A proposal outside the actor's scope (another district) is not found, not a conflict.
    const visible = await tx.proposal.findMany({ where: { AND: [scopeWhere(actor, "proposal"), { id: { in: ids } }] }, select: { id: true, regionCode: true, status: true } });
    if (visible.length !== ids.length) throw new AppError("NOT_FOUND", "Usulan tidak ditemukan.");
    const proposals = visible.filter((p) => p.regionCode === input.regionCode && p.status === "DIUSULKAN");
    if (proposals.length !== ids.length) throw new AppError("CONFLICT", "Sebagian usulan tidak lagi menunggu musyawarah. Muat ulang halaman.");
    const d = await tx.deliberation.create({
      data: { districtCode: actor.districtCode, regionCode: input.regionCode, heldOn: new Date(input.heldOn), place: input.place, chair: input.chair, attendees: input.attendees, createdById: actor.id },
    });
    await tx.proposal.updateMany({ where: { id: { in: input.proposalIds } }, data: { status: "MUSYAWARAH", deliberationId: d.id, version: { increment: 1 } } });
    await writeAudit(tx, auditActorOf(actor, ctx), { action: "proposal.deliberation", entity: "deliberation", entityId: d.id, regionCode: d.regionCode, districtCode: d.districtCode, after: { proposals: input.proposalIds.length, heldOn: input.heldOn } });
    return d;
  });
}

export type TProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/** Proposals in the actor's scope with the household head, newest first. */
export async function listProposals(actor: TActor, filter: { status?: string } = {}) {
  if (!can(actor, "read", "proposal")) return [];
  const rows = await db.proposal.findMany({
    where: { AND: [scopeWhere(actor, "proposal"), filter.status ? { status: filter.status as never } : {}] },
    orderBy: { createdAt: "desc" }, take: 200,
  });
  const households = await db.household.findMany({
    where: { id: { in: rows.map((r) => r.householdId) } },
    select: { id: true, address: true, rt: true, rw: true, members: { where: { deceasedAt: null }, select: { name: true, nik: true, relation: true, birthDate: true, sex: true }, orderBy: { createdAt: "asc" } } },
  });
  const regions = await db.region.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.regionCode))] } }, select: { code: true, name: true } });
  const photos = await db.proposalPhoto.findMany({
    where: { proposalId: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: "asc" }, select: { id: true, proposalId: true, fileName: true, createdAt: true },
  });
  const hById = new Map(households.map((h) => [h.id, h]));
  const rName = new Map(regions.map((r) => [r.code, r.name]));
  return rows.map((p) => {
    const h = hById.get(p.householdId);
    const head = h?.members.find((m) => m.relation === "KEPALA_KELUARGA") ?? h?.members[0];
    return {
      ...p, headName: head?.name ?? "—", address: h ? `${h.address}, RT ${h.rt}/RW ${h.rw}` : "", regionName: rName.get(p.regionCode) ?? p.regionCode,
      members: h?.members ?? [], photos: photos.filter((f) => f.proposalId === p.id),
    };
  });
}

/** Status of the household's latest proposal, for the household page: diusulkan / ditolak / masuk DTKS. */
export async function latestProposalOf(actor: TActor, householdId: string) {
  if (!can(actor, "read", "proposal")) return null;
  return db.proposal.findFirst({ where: { AND: [scopeWhere(actor, "proposal"), { householdId }] }, orderBy: { createdAt: "desc" } });
}

export async function proposalCounts(actor: TActor) {
  if (!can(actor, "read", "proposal")) return [];
  const rows = await db.proposal.groupBy({ by: ["regionCode", "ppksCode", "status"], where: scopeWhere(actor, "proposal"), _count: { _all: true } });
  return rows.map((r) => ({ regionCode: r.regionCode, ppksCode: r.ppksCode ?? "—", status: r.status, count: r._count._all }));
}

/**
 * Approved proposals, one row per living member, in the column layout documented in docs/dtks.md
 * ("Ekspor usulan"): the SIKS-NG upload takes one row per person with the KK and address.
 */
export const EXPORT_COLUMNS = ["NO", "NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "HUB_KELUARGA", "ALAMAT", "RT", "RW", "KODE_WILAYAH", "NAMA_DESA_KEL", "KATEGORI_PPKS", "ALASAN_USULAN", "HASIL_VERIVALI", "TGL_DISETUJUI", "ID_USULAN"] as const;

export async function approvedProposalRows(actor: TActor): Promise<string[][]> {
  const proposals = await listProposals(actor, { status: "DISETUJUI" });
  const out: string[][] = [];
  for (const p of proposals) {
    for (const m of p.members) {
      out.push([
        String(out.length + 1), m.nik ?? "", p.noKk ?? "", m.name, m.sex, m.birthDate ? m.birthDate.toISOString().slice(0, 10) : "",
        m.relation, p.address.split(", RT")[0], p.rt ?? "", p.address.split("/RW ")[1] ?? "", p.regionCode, p.regionName, p.ppksCode ?? "",
        p.reason, p.verivaliOutcome ?? "", p.decidedAt ? p.decidedAt.toISOString().slice(0, 10) : "", p.id,
      ]);
    }
  }
  return out;
}

/** A musyawarah with its proposals, for the printable berita acara; null when out of scope. */
export async function getDeliberation(actor: TActor, id: string) {
  if (!can(actor, "read", "proposal")) return null;
  const d = await db.deliberation.findFirst({ where: { AND: [scopeWhere(actor, "proposal"), { id }] } });
  if (!d) return null;
  const all = await listProposals(actor);
  const region = await db.region.findUnique({ where: { code: d.regionCode }, select: { name: true } });
  return { ...d, regionName: region?.name ?? d.regionCode, proposals: all.filter((p) => p.deliberationId === id) };
}
