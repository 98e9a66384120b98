/** Download links for one report (route handler /laporan/ekspor checks the session and scope itself). */
export function ExportLinks({ report, query }: { report: string; query: string }) {
  const href = (format: string) => `/laporan/ekspor?laporan=${report}&format=${format}${query ? `&${query}` : ""}`;
  const cls = "inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";
  return (
    <div className="flex gap-2">
      <a href={href("xlsx")} className={cls} data-testid={`export-${report}-xlsx`} download>Unduh XLSX</a>
      <a href={href("csv")} className={cls} data-testid={`export-${report}-csv`} download>Unduh CSV</a>
    </div>
  );
}
