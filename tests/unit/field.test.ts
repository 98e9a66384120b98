import { describe, expect, it } from "vitest";
import { buildIntakePayload, draftLabel, explainFieldErrors, reportOnServerHousehold } from "@/components/field/build-payload";
import type { TOutreachDraft, TQueueItem } from "@/components/field/queue-db";
import { fitWithin } from "@/components/field/resize-photo";
import { firstResponseMs, formatDuration, isUrgentReport, medianMs } from "@/lib/field/response-time";

const t0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("response time of a volunteer's report", () => {
  it("is the first action by someone other than the reporter", () => {
    const events = [
      { at: t0, actorId: "psm", kind: "created" },
      { at: at(5), actorId: "psm", kind: "attachment" },
      { at: at(90), actorId: "bo", kind: "assigned" },
      { at: at(30), actorId: "koord", kind: "note" },
    ];
    expect(firstResponseMs(t0, "psm", events)).toBe(30 * 60_000);
  });
  it("is null while only the reporter has touched it", () => {
    expect(firstResponseMs(t0, "psm", [{ at: t0, actorId: "psm", kind: "created" }, { at: at(1), actorId: "psm", kind: "attachment" }])).toBeNull();
  });
  it("median ignores reports nobody answered yet", () => {
    expect(medianMs([null, 10, 30, null, 20])).toBe(20);
    expect(medianMs([10, 30])).toBe(20);
    expect(medianMs([null])).toBeNull();
  });
  it("reads as plain Indonesian", () => {
    expect(formatDuration(null)).toBe("belum ditanggapi");
    expect(formatDuration(30_000)).toBe("kurang dari 1 menit");
    expect(formatDuration(125 * 60_000)).toBe("2 jam 5 menit");
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe("3 hari 4 jam");
  });
  it("violence and abandoned elderly are urgent whatever urgency was chosen", () => {
    expect(isUrgentReport({ urgency: "SEDANG", ppksCodes: ["LUT"] })).toBe(true);
    expect(isUrgentReport({ urgency: "RENDAH", ppksCodes: ["aktk"] })).toBe(true);
    expect(isUrgentReport({ urgency: "DARURAT", ppksCodes: [] })).toBe(true);
    expect(isUrgentReport({ urgency: "TINGGI", ppksCodes: ["FM"] })).toBe(false);
  });
});

const draft = (over: Partial<TOutreachDraft> = {}): TOutreachDraft => ({
  householdMode: "existing", householdId: "h1", subjectPersonId: "p1", newHeadName: "", newNik: "", newSex: "P",
  newAddress: "", newRt: "", newRw: "", newRegionCode: "", personName: "", condition: "Lansia tinggal sendiri, tidak ada yang merawat.",
  ppksCode: "LUT", urgency: "TINGGI", serviceCategories: [], gps: "", ...over,
});
const psm = { name: "Joko Susilo", rtList: ["001", "002"], scopeRegionCode: "35.77.01.1001" };

describe("outreach form → intake API body", () => {
  it("is an outreach case (PENJANGKAUAN) reported by the volunteer, for an existing household", () => {
    const p = buildIntakePayload(draft({ gps: "-7.6, 111.5 (±12 m)" }), psm);
    expect(p).toMatchObject({
      householdMode: "existing", householdId: "h1", subjectPersonId: "p1", channel: "PENJANGKAUAN", ppksCodes: ["LUT"],
      urgency: "TINGGI", reporterName: "Joko Susilo", serviceCategories: ["lainnya"],
    });
    expect(p.need).toContain("Lansia tinggal sendiri");
    expect(p.need).toContain("Lokasi GPS: -7.6, 111.5 (±12 m)");
  });
  it("quick-adds a new household in the volunteer's kelurahan with its head as the subject", () => {
    const p = buildIntakePayload(draft({ householdMode: "new", newHeadName: "Sarinah", newNik: " 3577014107700001 ", newAddress: "Jl. Wilis Gg. 3", newRt: "2", newRw: "1", serviceCategories: ["bansos"] }), psm);
    expect(p).toMatchObject({
      householdMode: "new", subjectMemberIndex: 0, serviceCategories: ["bansos"],
      household: { regionCode: "35.77.01.1001", rt: "2", rw: "1", members: [{ name: "Sarinah", nik: "3577014107700001", relation: "KEPALA_KELUARGA", sex: "P" }] },
    });
  });
  it("labels queue items by the person met, and explains server field errors in plain words", () => {
    expect(draftLabel(draft({ personName: "Mbah Sastro" }))).toBe("Mbah Sastro");
    expect(draftLabel(draft({ householdMode: "new", newHeadName: "Sarinah", newRt: "009" }))).toBe("Sarinah · RT 009");
    expect(explainFieldErrors({ "household.rt": ["Anda hanya dapat mendaftarkan rumah tangga di RT 001, 002."] }))
      .toEqual(["RT: Anda hanya dapat mendaftarkan rumah tangga di RT 001, 002."]);
  });
});

describe("photo resize target", () => {
  it("shrinks the long side to 1280 px keeping the ratio, and never enlarges", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1280, height: 960 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 960, height: 1280 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe("a conflict: the NIK typed as a new household is already on the server", () => {
  const draft: TOutreachDraft = {
    householdMode: "new", householdId: "", subjectPersonId: "", newHeadName: "Sarinah", newNik: "3577036007600999", newSex: "P",
    newAddress: "Jl. Bengawan Solo 5", newRt: "3", newRw: "2", newRegionCode: "35.77.03.1009", personName: "",
    condition: "Lansia tinggal sendiri, tidak ada yang merawat.", ppksCode: "LUT", urgency: "TINGGI", serviceCategories: ["perlindungan"], gps: "",
  };
  const item: TQueueItem = {
    id: "lapangan-1", userId: "u1", createdAt: 1, updatedAt: 1, label: "Sarinah · RT 3", draft, photo: null, photoName: null,
    status: "ditolak", error: "NIK atau Nomor KK sudah terdaftar.", fieldErrors: { "household.members.0.nik": ["NIK ini sudah terdaftar"] },
    conflict: { householdId: "h9", personId: "p9", personName: "Sarinah", address: "Jl. Bengawan Solo No. 5", rt: "003", rw: "002", regionCode: "35.77.03.1009" },
    attempts: 1,
  };

  it("taking the server's household reports on it, keeps what was written and the key, and waits to be sent again", () => {
    const next = reportOnServerHousehold(item, 50);
    expect(next).toMatchObject({ id: "lapangan-1", status: "menunggu", updatedAt: 50, error: undefined, fieldErrors: undefined, conflict: undefined });
    expect(next.draft).toMatchObject({ householdMode: "existing", householdId: "h9", subjectPersonId: "p9", condition: draft.condition, ppksCode: "LUT" });
    expect(buildIntakePayload(next.draft, { name: "Joko", rtList: ["003"], scopeRegionCode: "35.77.03.1009" }))
      .toMatchObject({ householdMode: "existing", householdId: "h9", subjectPersonId: "p9" });
    expect(next.label).toBe("Sarinah · RT 003");
  });

  it("changes nothing without a conflict", () => {
    const plain = { ...item, conflict: undefined };
    expect(reportOnServerHousehold(plain, 50)).toBe(plain);
  });
});
