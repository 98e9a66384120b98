import { SERIES_COLORS } from "./palette";

export type TBar = { label: string; value: number; href?: string | null };

/** Horizontal bar chart as server-rendered SVG (no chart library, no client JS). Each bar links to its records. */
export function BarChart({ title, bars, unit = "" }: { title: string; bars: TBar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 170;
  const width = 560;
  const barW = width - labelW - 60;
  const height = Math.max(rowH, bars.length * rowH) + 8;
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 font-semibold">{title}</figcaption>
      {bars.length === 0 ? <p className="text-slate-700">Tidak ada data.</p> : (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}${unit}`).join(", ")}`}>
          {bars.map((b, i) => {
            const w = Math.max(1, Math.round((b.value / max) * barW));
            const y = i * rowH + 4;
            const body = (
              <g>
                <text x={labelW - 6} y={y + 15} textAnchor="end" fontSize="12" fill="#1e293b">{b.label.length > 26 ? b.label.slice(0, 25) + "…" : b.label}</text>
                <rect x={labelW} y={y + 2} width={w} height={rowH - 8} fill={SERIES_COLORS[0]} rx="2" />
                <text x={labelW + w + 4} y={y + 15} fontSize="12" fill="#1e293b">{b.value.toLocaleString("id-ID")}{unit}</text>
              </g>
            );
            return b.href ? <a key={i} href={b.href}>{body}</a> : <g key={i}>{body}</g>;
          })}
        </svg>
      )}
    </figure>
  );
}
