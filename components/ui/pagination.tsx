import Link from "next/link";

/** Previous / next links that keep the current filters. */
export function Pagination({ page, pageSize, total, basePath, params }: {
  page: number; pageSize: number; total: number; basePath: string; params: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("hal", String(p));
    return `${basePath}?${q.toString()}`;
  };
  return (
    <nav aria-label="Halaman" className="mt-4 flex items-center gap-3">
      {page > 1 ? <Link className="rounded border px-3 py-2 hover:bg-slate-100" href={href(page - 1)}>← Sebelumnya</Link> : null}
      <span>Halaman {page} dari {pages} · {total} data</span>
      {page < pages ? <Link className="rounded border px-3 py-2 hover:bg-slate-100" href={href(page + 1)}>Berikutnya →</Link> : null}
    </nav>
  );
}
