import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject } from "@/lib/actions/define-action";
import { fieldErrorsOf } from "@/lib/actions/parse-input";

describe("formDataToObject", () => {
  it("nests dotted keys into arrays and objects", () => {
    const f = new FormData();
    f.append("address", "Jl. Mawar 3");
    f.append("members.0.name", "Siti");
    f.append("members.1.name", "Budi");
    f.append("members.1.sex", "L");
    expect(formDataToObject(f)).toEqual({ address: "Jl. Mawar 3", members: [{ name: "Siti" }, { name: "Budi", sex: "L" }] });
  });
  it("turns repeated keys and [] keys into arrays", () => {
    const f = new FormData();
    f.append("serviceCategories[]", "kesehatan");
    f.append("tag", "a");
    f.append("tag", "b");
    expect(formDataToObject(f)).toEqual({ serviceCategories: ["kesehatan"], tag: ["a", "b"] });
  });
  it("drops Next.js' internal action fields", () => {
    const f = new FormData();
    f.append("$ACTION_ID_abc", "");
    f.append("name", "x");
    expect(formDataToObject(f)).toEqual({ name: "x" });
  });
});

describe("fieldErrorsOf", () => {
  it("keys errors by the dotted field path", () => {
    const schema = z.object({ members: z.array(z.object({ nik: z.string().length(16, "NIK harus 16 digit.") })) });
    const r = schema.safeParse({ members: [{ nik: "3577014506850001" }, { nik: "123" }] });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual({ "members.1.nik": ["NIK harus 16 digit."] });
  });
});
