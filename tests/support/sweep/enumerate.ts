import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every server-action module under app/ ("actions.ts") with the names it exports, read from the source. */
export function enumerateActions(): { file: string; name: string }[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /(^|\/)actions\.tsx?$/.test(f))
    .flatMap((f) => {
      const src = readFileSync(f, "utf8");
      const names = [...src.matchAll(/^export\s+(?:const|async\s+function|function)\s+(\w+)/gm)].map((m) => m[1]);
      return names.map((name) => ({ file: path.relative(ROOT, f), name }));
    });
}

/** Every /api/v1 route handler with the HTTP methods it exports, read from the source. */
export function enumerateRoutes(): { file: string; route: string; method: string }[] {
  const base = path.join(ROOT, "app/api/v1");
  return walk(base)
    .filter((f) => /\/route\.tsx?$/.test(f))
    .flatMap((f) => {
      const src = readFileSync(f, "utf8");
      const route = "/api/v1/" + path.relative(base, path.dirname(f)).split(path.sep).join("/");
      const methods = [...src.matchAll(/^export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
      return methods.map((method) => ({ file: path.relative(ROOT, f), route, method }));
    });
}
