/**
 * An error as a server-log entry without its message. The messages of database and validation
 * errors quote the values of the failed query or input — a NIK, a No KK, a name — and the server
 * log is read by people (and tools) that may not see those (docs/security.md, "A NIK never appears
 * in the server log"). The error's name, its code and where it was thrown are enough to find the bug.
 */
export function describeErrorForLog(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error value thrown (${typeof e})`;
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 10);
  return [`${e.name}${typeof code === "string" || typeof code === "number" ? ` [${code}]` : ""}`, ...frames].join("\n");
}
