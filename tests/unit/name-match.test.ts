import { describe, expect, it } from "vitest";
import { compactName, isProbableDuplicate, normalizePersonName, trigramSimilarity } from "@/lib/households/name-match.ts";

describe("normalizePersonName: basics", () => {
  it("lower-cases, strips accents and punctuation, collapses spaces", () => {
    expect(normalizePersonName("  SITI   Aminah ")).toBe("siti aminah");
    expect(normalizePersonName("José Ramos-Horta")).toBe("jose ramos horta");
    expect(normalizePersonName("Ma'ruf Amin")).toBe("maruf amin"); // apostrophes join, they do not split
    expect(normalizePersonName("Ma’ruf")).toBe("maruf");
    expect(normalizePersonName("Nur-Hayati, S.Pd.")).toBe("nur hayati s pd");
    expect(normalizePersonName("")).toBe("");
    expect(normalizePersonName(" .,- ")).toBe("");
  });
  it("treats names that are also JavaScript property names as plain names", () => {
    expect(normalizePersonName("Constructor Tostring")).toBe("constructor tostring");
    expect(normalizePersonName("Siti __proto__")).toBe("siti proto");
  });

  it("is idempotent", () => {
    for (const name of ["Moh. Ali", "M. Ali", "Ali M.", "Abd. Rahman", "Soekarno", "Djoko Tjahjono", "St. Noer"]) {
      const once = normalizePersonName(name);
      expect(normalizePersonName(once), name).toBe(once);
    }
  });
});

describe("normalizePersonName: Indonesian variants", () => {
  it("spells every Muhammad the same way", () => {
    const variants = [
      "Moh. Ali",
      "Moh Ali",
      "Mohd Ali",
      "Moch. Ali",
      "Mochamad Ali",
      "Mochammad Ali",
      "Mohamad Ali",
      "Mohammad Ali",
      "Muhamad Ali",
      "Muhammad Ali",
      "Muh. Ali",
      "M. Ali",
      "MOH.ALI",
    ];
    for (const v of variants) expect(normalizePersonName(v), v).toBe("muhammad ali");
  });
  it('expands "M." only when another name part follows', () => {
    expect(normalizePersonName("Ali M.")).toBe("ali m");
    expect(normalizePersonName("M.")).toBe("m");
    // Without the dot "M" may be any initial (Made, Maria), so it is left alone.
    expect(normalizePersonName("M Ali")).toBe("m ali");
  });
  it("expands Abd., St., Noer and the Ahmad spellings", () => {
    expect(normalizePersonName("Abd. Rahman")).toBe("abdul rahman");
    expect(normalizePersonName("Abd Rahman")).toBe("abdul rahman");
    expect(normalizePersonName("St. Aminah")).toBe("siti aminah");
    expect(normalizePersonName("Noer Hasanah")).toBe("nur hasanah");
    expect(normalizePersonName("Nur Hasanah")).toBe("nur hasanah");
    expect(normalizePersonName("Achmad Dahlan")).toBe("ahmad dahlan");
    expect(normalizePersonName("Akhmad Dahlan")).toBe("ahmad dahlan");
  });
  it("modernises the old spellings oe, dj and tj only", () => {
    expect(normalizePersonName("Soekarno")).toBe("sukarno");
    expect(normalizePersonName("Djoko Tjahjono")).toBe("joko cahjono"); // old j (= y) is kept on purpose
    expect(normalizePersonName("Tjut Nyak Dhien")).toBe("cut nyak dhien");
    expect(normalizePersonName("Joko Widodo")).toBe("joko widodo");
  });
});

describe("compactName", () => {
  it("ignores where the spaces are", () => {
    expect(compactName("SitiAminah")).toBe("sitiaminah");
    expect(compactName("Siti Aminah")).toBe("sitiaminah");
    expect(compactName("Moh. Ali")).toBe(compactName("MuhammadAli"));
  });
});

describe("trigramSimilarity agrees with pg_trgm", () => {
  it("reproduces the pg_trgm documentation example", () => {
    // word: {"  w"," wo","wor","ord","rd "}; two words: {"  t"," tw","two","wo ","  w"," wo","wor","ord","rds","ds "}
    // shared 4, union 5 + 10 - 4 = 11 → 4/11, which PostgreSQL returns as real 0.36363637.
    expect(trigramSimilarity("word", "two words")).toBe(Math.fround(4 / 11));
    expect(trigramSimilarity("word", "two words")).toBeCloseTo(0.36363637, 7);
  });
  it("word vs words: shared 4 of 5 + 6 - 4 = 7", () => {
    expect(trigramSimilarity("word", "words")).toBe(Math.fround(4 / 7));
  });
  it("Siti Aminah vs Siti Aminnah: 11 shared of 12 + 13 - 11 = 14", () => {
    expect(trigramSimilarity("Siti Aminah", "Siti Aminnah")).toBe(Math.fround(11 / 14));
  });
  it("SitiAminah vs Siti Aminah: 9 shared of 11 + 12 - 9 = 14", () => {
    expect(trigramSimilarity("SitiAminah", "Siti Aminah")).toBe(Math.fround(9 / 14));
  });
  it("Ali vs Muhammad Ali: 4 shared of 4 + 13 - 4 = 13", () => {
    expect(trigramSimilarity("Ali", "Muhammad Ali")).toBe(Math.fround(4 / 13));
  });
  it("Siti Aminah vs Budi Santoso: only '  s' shared, 1 of 12 + 13 - 1 = 24", () => {
    expect(trigramSimilarity("Siti Aminah", "Budi Santoso")).toBe(Math.fround(1 / 24));
  });
  it("uses sets: a repeated word adds nothing", () => {
    expect(trigramSimilarity("ana ana", "ana")).toBe(1);
  });
  it("compares normalized names", () => {
    expect(trigramSimilarity("Moh. Ali", "Muhammad Ali")).toBe(1);
    expect(trigramSimilarity("Soekarno", "Sukarno")).toBe(1);
  });
  it("is 0 when either side has no trigrams, like pg_trgm", () => {
    expect(trigramSimilarity("", "")).toBe(0);
    expect(trigramSimilarity("...", "Ali")).toBe(0);
  });
  it("is symmetric", () => {
    expect(trigramSimilarity("Budi Santoso", "Siti Aminah")).toBe(trigramSimilarity("Siti Aminah", "Budi Santoso"));
  });
});

describe("isProbableDuplicate", () => {
  const person = (name: string, birthDate: string | Date | null = "1985-06-05") => ({ name, birthDate });

  it("Siti Aminah / Siti Aminnah with the same birth date is a duplicate", () => {
    expect(isProbableDuplicate(person("Siti Aminah"), person("Siti Aminnah"))).toBe(true);
  });
  it("…but not when the birth dates differ", () => {
    expect(isProbableDuplicate(person("Siti Aminah"), person("Siti Aminnah", "1985-06-06"))).toBe(false);
    expect(isProbableDuplicate(person("Siti Aminah"), person("Siti Aminah", "1986-06-05"))).toBe(false);
  });
  it("Moh. Ali / Muhammad Ali and Soekarno / Sukarno are duplicates", () => {
    expect(isProbableDuplicate(person("Moh. Ali"), person("Muhammad Ali"))).toBe(true);
    expect(isProbableDuplicate(person("Soekarno"), person("Sukarno"))).toBe(true);
  });
  it("SitiAminah / Siti Aminah is a duplicate even with a strict threshold (compact names equal)", () => {
    expect(isProbableDuplicate(person("SitiAminah"), person("Siti Aminah"), 0.99)).toBe(true);
  });
  it("clearly different names are not, even with the same birth date", () => {
    expect(isProbableDuplicate(person("Siti Aminah"), person("Budi Santoso"))).toBe(false);
    expect(isProbableDuplicate(person("Ali"), person("Muhammad Ali"))).toBe(false);
  });
  it("respects the threshold", () => {
    expect(isProbableDuplicate(person("Ali"), person("Muhammad Ali"), 0.3)).toBe(true);
  });
  it("compares a Date (from a @db.Date column, UTC midnight) with a YYYY-MM-DD string", () => {
    expect(isProbableDuplicate(person("Siti Aminah", new Date("1985-06-05T00:00:00Z")), person("Siti Aminah"))).toBe(true);
  });
  it("an unknown birth date never matches", () => {
    expect(isProbableDuplicate(person("Siti Aminah", null), person("Siti Aminah", null))).toBe(false);
    expect(isProbableDuplicate(person("Siti Aminah", null), person("Siti Aminah"))).toBe(false);
  });
});
