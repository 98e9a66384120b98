// Pure: the outreach form's values → the intake API's JSON (POST /api/v1/cases). Unit-tested.
import type { TOutreachDraft, TQueueItem } from "./queue-db.ts";

export type TFieldUser = { name: string; rtList: readonly string[]; scopeRegionCode: string };

export function buildIntakePayload(d: TOutreachDraft, user: TFieldUser) {
  const lines = [d.condition.trim()];
  if (d.personName.trim()) lines.unshift(`Warga: ${d.personName.trim()}.`);
  if (d.gps.trim()) lines.push(`Lokasi GPS: ${d.gps.trim()}`);
  const base = {
    channel: "PENJANGKAUAN",
    kind: "PERMOHONAN_LAYANAN",
    need: lines.join("\n"),
    serviceCategories: d.serviceCategories.length > 0 ? d.serviceCategories : ["lainnya"],
    ppksCodes: d.ppksCode ? [d.ppksCode] : [],
    urgency: d.urgency,
    reporterName: user.name,
    reporterRelation: "PSM/TKSK (penjangkauan)",
    anonymous: false,
  };
  if (d.householdMode === "existing") {
    return { ...base, householdMode: "existing", householdId: d.householdId, ...(d.subjectPersonId ? { subjectPersonId: d.subjectPersonId } : {}) };
  }
  if (d.householdMode === "new") {
    return {
      ...base,
      householdMode: "new",
      household: {
        regionCode: d.newRegionCode || user.scopeRegionCode,
        address: d.newAddress,
        rt: d.newRt,
        rw: d.newRw,
        members: [{ name: d.newHeadName, sex: d.newSex, relation: "KEPALA_KELUARGA", ...(d.newNik.trim() ? { nik: d.newNik.trim() } : {}) }],
      },
      subjectMemberIndex: 0,
    };
  }
  return { ...base, householdMode: "none" };
}

/** A one-line label for the queue list: who or where, so the volunteer recognises the report. */
export function draftLabel(d: TOutreachDraft, householdName?: string | null): string {
  const who = d.personName.trim() || (d.householdMode === "new" ? d.newHeadName.trim() : householdName ?? "") || "Tanpa nama";
  const where = d.householdMode === "new" ? `RT ${d.newRt}` : "";
  return [who, where].filter(Boolean).join(" · ");
}

/** Field errors of the intake API → plain sentences for the volunteer ("household.rt" → "RT: …"). */
const FIELD_NAMES: Record<string, string> = {
  need: "Kondisi", serviceCategories: "Bantuan", ppksCodes: "PPKS", urgency: "Urgensi", householdId: "Rumah tangga",
  "household.rt": "RT", "household.rw": "RW", "household.address": "Alamat", "household.regionCode": "Kelurahan",
  "household.members.0.nik": "NIK", "household.members.0.name": "Nama kepala keluarga", "household.noKk": "No KK",
  confirmNotDuplicate: "Kemungkinan data ganda", file: "Foto",
};
export function explainFieldErrors(fieldErrors: Record<string, string[]> | undefined): string[] {
  if (!fieldErrors) return [];
  return Object.entries(fieldErrors).flatMap(([k, msgs]) => msgs.map((m) => (FIELD_NAMES[k] ? `${FIELD_NAMES[k]}: ${m}` : m)));
}

/**
 * The volunteer's answer to a conflict: report on the household the server already has (the person with that NIK as
 * the subject) instead of registering it again. What they wrote about the condition stays; the item waits to be sent
 * again under the same key.
 */
export function reportOnServerHousehold(item: TQueueItem, now: number): TQueueItem {
  if (!item.conflict) return item;
  const { householdId, personId, personName, rt } = item.conflict;
  const draft: TOutreachDraft = { ...item.draft, householdMode: "existing", householdId, subjectPersonId: personId };
  return {
    ...item, draft, label: draftLabel(draft, `${personName} · RT ${rt}`), status: "menunggu", updatedAt: now,
    error: undefined, fieldErrors: undefined, conflict: undefined,
  };
}
