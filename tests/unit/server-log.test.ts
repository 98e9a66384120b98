import { describe, expect, it } from "vitest";
import { findIdNumbersInLog } from "../support/server-log";

describe("findIdNumbersInLog (the NIK-in-the-server-log check after the e2e run)", () => {
  const NIK = "3577011204790001";
  const KK = "3577010101200002";

  it("finds a NIK in a URL, a JSON body or a quoted error, and a No KK on its own", () => {
    expect(findIdNumbersInLog(`GET /api/v1/dtks/lookup?nik=${NIK} 200`, [NIK, KK])).toEqual([NIK]);
    expect(findIdNumbersInLog(`body {"noKk":"${KK}","nik":"${NIK}"}`, [NIK, KK])).toEqual([KK, NIK]);
  });

  it("finds a NIK inside a longer run of digits", () => {
    expect(findIdNumbersInLog(`id=99${NIK}12`, [NIK])).toEqual([NIK]);
  });

  it("ignores other numbers and NIKs the run did not use", () => {
    expect(findIdNumbersInLog(`ready in 1719831234567 ms; masked 3577********0001; other 3577019999990001`, [NIK, KK])).toEqual([]);
  });
});
