import { SERIES_COLORS } from "./palette";

export type TStack = { label: string; parts: Record<string, number>; href?: string | null };

/** Horizontal stacked bars (e.g. referrals per desk by status) as server-rendered SVG, with a legend. */
export function StackedBarChart({ title, stacks, series, seriesLabel }: { title: string; stacks: TStack[]; series: string[]; seriesLabel: (s: string) => string }) {
  const totals = stacks.map((s) => series.reduce((a, k) => a + (s.parts[k] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const rowH = 26;
  const labelW = 170;
  const width = 560;
  const barW = width - labelW - 50;
  const legendH = Math.ceil(series.length / 3) * 18 + 6;
  const height = stacks.length * rowH + legendH + 8;
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 font-semibold">{title}</figcaption>
      {stacks.length === 0 ? <p className="text-slate-700">Tidak ada data.</p> : (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img"
          aria-label={`${title}: ${stacks.map((s, i) => `${s.label} ${totals[i]} (${series.filter((k) => s.parts[k]).map((k) => `${seriesLabel(k)} ${s.parts[k]}`).join(", ")})`).join("; ")}`}>
          {stacks.map((s, i) => {
            let x = labelW;
            const y = i * rowH + 4;
            const body = (
              <g>
                <text x={labelW - 6} y={y + 15} textAnchor="end" fontSize="12" fill="#1e293b">{s.label.length > 26 ? s.label.slice(0, 25) + "…" : s.label}</text>
                {series.map((k, j) => {
                  const v = s.parts[k] ?? 0;
                  if (!v) return null;
                  const w = Math.max(1, Math.round((v / max) * barW));
                  const rect = <rect key={k} x={x} y={y + 2} width={w} height={rowH - 8} fill={SERIES_COLORS[j % SERIES_COLORS.length]}><title>{`${seriesLabel(k)}: ${v}`}</title></rect>;
                  x += w;
                  return rect;
                })}
                <text x={x + 4} y={y + 15} fontSize="12" fill="#1e293b">{totals[i]!.toLocaleString("id-ID")}</text>
              </g>
            );
            return s.href ? <a key={i} href={s.href}>{body}</a> : <g key={i}>{body}</g>;
          })}
          {series.map((k, j) => (
            <g key={k} transform={`translate(${(j % 3) * 180 + 10}, ${stacks.length * rowH + 12 + Math.floor(j / 3) * 18})`}>
              <rect width="12" height="12" fill={SERIES_COLORS[j % SERIES_COLORS.length]} />
              <text x="16" y="11" fontSize="12" fill="#1e293b">{seriesLabel(k)}</text>
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
