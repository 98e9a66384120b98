import { SERIES_COLORS } from "./palette";

export type TLinePoint = { label: string; values: Record<string, number>; href?: string | null };

/** A line chart over time (months) as server-rendered SVG; each point links to its records. */
export function LineChart({ title, points, series, seriesLabel }: { title: string; points: TLinePoint[]; series: string[]; seriesLabel: (s: string) => string }) {
  const width = 560;
  const height = 220;
  const left = 40;
  const bottom = 40;
  const top = 10;
  const max = Math.max(1, ...points.flatMap((p) => series.map((k) => p.values[k] ?? 0)));
  const step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
  const xOf = (i: number) => left + (points.length > 1 ? i * step : (width - left) / 2);
  const yOf = (v: number) => top + (height - top - bottom) * (1 - v / max);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 font-semibold">{title}</figcaption>
      {points.length === 0 ? <p className="text-slate-700">Tidak ada data.</p> : (
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img"
          aria-label={`${title}: ${points.map((p) => `${p.label} ${series.map((k) => `${seriesLabel(k)} ${p.values[k] ?? 0}`).join(", ")}`).join("; ")}`}>
          <line x1={left} y1={height - bottom} x2={width - 10} y2={height - bottom} stroke="#64748b" />
          <line x1={left} y1={top} x2={left} y2={height - bottom} stroke="#64748b" />
          <text x={left - 4} y={top + 10} textAnchor="end" fontSize="11" fill="#1e293b">{max}</text>
          <text x={left - 4} y={height - bottom} textAnchor="end" fontSize="11" fill="#1e293b">0</text>
          {series.map((k, j) => (
            <polyline key={k} fill="none" stroke={SERIES_COLORS[j % SERIES_COLORS.length]} strokeWidth="2"
              points={points.map((p, i) => `${xOf(i)},${yOf(p.values[k] ?? 0)}`).join(" ")} />
          ))}
          {points.map((p, i) => (
            <a key={p.label} href={p.href ?? undefined}>
              {series.map((k, j) => <circle key={k} cx={xOf(i)} cy={yOf(p.values[k] ?? 0)} r="4" fill={SERIES_COLORS[j % SERIES_COLORS.length]}><title>{`${p.label} ${seriesLabel(k)}: ${p.values[k] ?? 0}`}</title></circle>)}
              <text x={xOf(i)} y={height - bottom + 16} textAnchor="middle" fontSize="11" fill="#1e293b">{p.label}</text>
            </a>
          ))}
          {series.map((k, j) => (
            <g key={k} transform={`translate(${left + j * 170}, ${height - 14})`}>
              <rect width="12" height="12" fill={SERIES_COLORS[j % SERIES_COLORS.length]} />
              <text x="16" y="11" fontSize="12" fill="#1e293b">{seriesLabel(k)}</text>
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
