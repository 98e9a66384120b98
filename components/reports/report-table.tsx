import Link from "next/link";
import type { TReportTable } from "@/lib/reports/tables";

/** The table view of a chart (and of a report section): the same cells the exports write, with record links. */
export function ReportTable({ table, caption }: { table: TReportTable; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid={`table-${table.key}`}>
        <caption className="mb-1 text-left font-semibold">{caption ?? table.title}</caption>
        <thead>
          <tr>{table.columns.map((c) => <th key={c} scope="col" className="border-b border-slate-400 px-2 py-1 text-left align-bottom">{c}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr><td colSpan={table.columns.length} className="px-2 py-2 text-slate-700">Tidak ada data.</td></tr>
          ) : (
            table.rows.map((r, i) => {
              const href = table.links?.[i];
              const total = r[0] === "JUMLAH" || r[1] === "JUMLAH" || r.includes("JUMLAH (orang/KK unik)");
              return (
                <tr key={i} className={total ? "bg-slate-100 font-semibold" : "border-b border-slate-200"}>
                  {r.map((c, j) => (
                    <td key={j} className={`px-2 py-1 ${typeof c === "number" ? "text-right tabular-nums" : ""}`}>
                      {j === 0 && href ? <Link href={href} className="underline">{c ?? "–"}</Link> : c === null ? "–" : typeof c === "number" ? c.toLocaleString("id-ID") : c}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
