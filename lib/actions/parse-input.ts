import type { z } from "zod";
import { AppError, DEFAULT_MESSAGES } from "@/lib/errors";

// Input parsing shared by the server actions (defineAction), the /api/v1 routes and the lib. Every input
// schema is a strict object: a field it does not name is refused, never silently dropped, so a forged
// `regionCode`, `createdById` or `status` in a form or JSON body is an error the caller sees.

/** The message for fields a strict schema does not know ("Kolom tidak dikenal: regionCode"). */
export function unknownFieldsMessage(keys: readonly string[]): string {
  return `Kolom tidak dikenal: ${keys.join(", ")}`;
}

/**
 * zod issues → { "members.1.nik": ["…"] }, the field names the form uses. A field the schema does not
 * know (strict objects refuse them, so a forged `regionCode` or `createdById` cannot ride along) is
 * reported under its own name.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k]) : [path];
    for (const p of keys) {
      const message = issue.code === "unrecognized_keys" ? unknownFieldsMessage([p.join(".")]) : issue.message;
      (out[p.join(".") || "_form"] ??= []).push(message);
    }
  }
  return out;
}

export type TParsed<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Parses input with a strict schema. When the only trouble is fields the schema does not know, the
 * message names them, so an integrator sees at once which key to drop.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): TParsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error);
  const unknown = parsed.error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path.map(String), k].join(".")) : []));
  const message = parsed.error.issues.every((i) => i.code === "unrecognized_keys")
    ? unknownFieldsMessage(unknown)
    : DEFAULT_MESSAGES.INVALID;
  return { ok: false, message, fieldErrors };
}

/** parseInput for lib functions and route handlers: the parsed data, or an INVALID AppError (HTTP 422). */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = parseInput(schema, raw);
  if (!parsed.ok) throw new AppError("INVALID", parsed.message, parsed.fieldErrors);
  return parsed.data;
}
