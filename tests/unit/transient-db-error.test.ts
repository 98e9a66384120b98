import { describe, expect, it } from "vitest";
import { isTransientDbError, transientErrorCode } from "@/lib/db/transient";

describe("isTransientDbError", () => {
  it("recognises a database restart or outage through Prisma's wrappers", () => {
    expect(isTransientDbError({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" })).toBe(true);
    expect(isTransientDbError({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P01", kind: "postgres" } } } })).toBe(true);
    expect(isTransientDbError(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isTransientDbError(Object.assign(new Error("x"), { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(transientErrorCode({ meta: { driverAdapterError: { cause: { originalCode: "57P03" } } } })).toBe("57P03");
  });

  it("does not excuse bugs or data errors", () => {
    expect(isTransientDbError(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isTransientDbError({ code: "P2002", message: "Unique constraint failed on the fields: (`nik`)" })).toBe(false);
    expect(isTransientDbError({ code: "23514", message: "violates check constraint" })).toBe(false);
    expect(isTransientDbError(null)).toBe(false);
  });
});
