import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_RULES, officeCodeFor } from "@/lib/referrals/default-rules";
import { ageInYears, routeReferral, type TRoutingInput, type TRoutingRule } from "@/lib/referrals/routing";

// The seed table, as the demo district gets it, with fake office ids: the office code is the id.
const OFFICE_NAMES: Record<string, string> = {
  "DINKES-3577": "Dinas Kesehatan", "DISDIK-3577": "Dinas Pendidikan", "DUKCAPIL-3577": "Disdukcapil",
  "PERKIM-3577": "Dinas Perkim", "DISNAKER-3577": "Disnaker", "DP3A-3577": "DP3A", "BAPAS-3577": "BAPAS",
  "DINSOS-3577": "Dinas Sosial", "DINSOS-3577-B1": "Dinsos Bidang 1", "DINSOS-3577-B2": "Dinsos Bidang 2", "DINSOS-3577-B3": "Dinsos Bidang 3",
};
const SEED: TRoutingRule[] = DEFAULT_ROUTING_RULES.map((r) => {
  const code = officeCodeFor(r.office, "35.77");
  return {
    id: r.key, serviceCategory: r.serviceCategory ?? null, ppksCode: r.ppksCode ?? null, minAge: r.minAge ?? null, maxAge: r.maxAge ?? null,
    dtksStatus: null, priority: r.priority ?? 0, slaDays: r.slaDays, requiresDecision: true, active: true,
    destination: { officeId: code, officeCode: code, officeName: OFFICE_NAMES[code] ?? code, officeKind: "SKPD", bidang: null },
  };
});

const input = (over: Partial<TRoutingInput>): TRoutingInput => ({ serviceCategory: null, ppksCodes: [], age: null, dtksStatus: null, ...over });
const dest = (i: Partial<TRoutingInput>) => {
  const r = routeReferral(SEED, input(i));
  return r.ok ? r.destination.officeCode : null;
};

describe("routing table (seed rules, DOMAIN.md §1)", () => {
  it("ABH → BAPAS, not Dinsos, whatever service is asked", () => {
    expect(dest({ ppksCodes: ["ABH"] })).toBe("BAPAS-3577");
    expect(dest({ ppksCodes: ["ABH"], serviceCategory: "perlindungan", age: 15 })).toBe("BAPAS-3577");
    expect(dest({ ppksCodes: ["BWBLP"], serviceCategory: "bansos", age: 40 })).toBe("BAPAS-3577");
  });

  it("elderly → Dinsos Bidang 2", () => {
    expect(dest({ ppksCodes: ["LUT"] })).toBe("DINSOS-3577-B2");
    expect(dest({ serviceCategory: "bansos", age: 72 })).toBe("DINSOS-3577-B2");
    expect(dest({ ppksCodes: ["LUT"], serviceCategory: "bansos", age: 80 })).toBe("DINSOS-3577-B2");
  });

  it("health cost → Dinas Kesehatan, also for an elderly or disabled person", () => {
    expect(dest({ serviceCategory: "kesehatan" })).toBe("DINKES-3577");
    expect(dest({ serviceCategory: "kesehatan", ppksCodes: ["LUT"], age: 70 })).toBe("DINKES-3577");
    expect(dest({ serviceCategory: "kesehatan", ppksCodes: ["PD"] })).toBe("DINKES-3577");
  });

  it("the other seed rows: education, civil registry, housing, violence, bidang 1 and 3", () => {
    expect(dest({ serviceCategory: "pendidikan", age: 12 })).toBe("DISDIK-3577");
    expect(dest({ serviceCategory: "adminduk" })).toBe("DUKCAPIL-3577");
    expect(dest({ serviceCategory: "perumahan" })).toBe("PERKIM-3577");
    expect(dest({ ppksCodes: ["AKTK"], serviceCategory: "perlindungan" })).toBe("DP3A-3577");
    expect(dest({ ppksCodes: ["KTK"] })).toBe("DP3A-3577");
    expect(dest({ ppksCodes: ["AT"], serviceCategory: "bansos" })).toBe("DINSOS-3577-B1");
    expect(dest({ ppksCodes: ["PD"], serviceCategory: "bansos" })).toBe("DINSOS-3577-B3");
    expect(dest({ ppksCodes: ["KPN"] })).toBe("DINSOS-3577-B3");
    expect(dest({ ppksCodes: ["GEL"], serviceCategory: "perlindungan" })).toBe("DINSOS-3577-B3");
  });

  it("the most specific rule wins: bansos for a child (service + age band) beats bansos alone", () => {
    const r = routeReferral(SEED, input({ serviceCategory: "bansos", age: 9 }));
    expect(r.ok && r.rule.id).toBe("bansos-anak");
    expect(r.ok && r.destination.officeCode).toBe("DINSOS-3577-B1");
    // The officer sees why, including the less specific rule that lost.
    expect(r.reason).toContain("layanan bansos + usia sampai 17 tahun → Dinsos Bidang 1");
    expect(r.reason).toContain("kurang spesifik: layanan bansos → Dinsos Bidang 2");
    // An unknown age cannot satisfy an age band: the general rule applies.
    expect(routeReferral(SEED, input({ serviceCategory: "bansos" })).ok && dest({ serviceCategory: "bansos" })).toBe("DINSOS-3577-B2");
  });

  it("more conditions beat priority; priority breaks ties; order of rules does not matter", () => {
    const base = SEED.find((r) => r.id === "kesehatan")!;
    const narrow: TRoutingRule = { ...base, id: "z-kes-dtks", dtksStatus: "TIDAK_TERDAFTAR", priority: 0,
      destination: { ...base.destination, officeCode: "DINSOS-3577", officeName: "Dinas Sosial" } };
    const rules = [narrow, ...SEED];
    const r = routeReferral(rules, input({ serviceCategory: "kesehatan", dtksStatus: "TIDAK_TERDAFTAR" }));
    expect(r.ok && r.rule.id).toBe("z-kes-dtks");
    expect(routeReferral([...rules].reverse(), input({ serviceCategory: "kesehatan", dtksStatus: "TIDAK_TERDAFTAR" })).ok
      && routeReferral([...rules].reverse(), input({ serviceCategory: "kesehatan", dtksStatus: "TIDAK_TERDAFTAR" }))).toMatchObject({ rule: { id: "z-kes-dtks" } });
    // Registered in DTKS: the narrow rule does not match, the general one does.
    expect(dest({ serviceCategory: "kesehatan", dtksStatus: "TERDAFTAR" })).toBe("DINKES-3577");
  });

  it("inactive rules and rules without service or PPKS never match; no match says so", () => {
    const off = SEED.map((r) => (r.id === "kesehatan" ? { ...r, active: false } : r));
    expect(routeReferral(off, input({ serviceCategory: "kesehatan" })).ok).toBe(false);
    const blank: TRoutingRule = { ...SEED[0], id: "blank", serviceCategory: null, ppksCode: null };
    const r = routeReferral([blank], input({ serviceCategory: "kesehatan" }));
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining("Tidak ada aturan") });
  });

  it("age in whole years counts the birthday", () => {
    expect(ageInYears(new Date("2010-06-15"), new Date("2026-06-14"))).toBe(15);
    expect(ageInYears(new Date("2010-06-15"), new Date("2026-06-15"))).toBe(16);
    expect(ageInYears(null, new Date())).toBeNull();
  });
});
