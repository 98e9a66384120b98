import type { Metadata } from "next";
import { BarChart } from "@/components/reports/bar-chart";
import { ExportLinks } from "@/components/reports/export-links";
import { LineChart } from "@/components/reports/line-chart";
import { ReportTable } from "@/components/reports/report-table";
import { StackedBarChart } from "@/components/reports/stacked-bar-chart";
import { roleAllows } from "@/lib/access/roles";
import { requireUser } from "@/lib/auth/session";
import { CHANNEL_LABELS } from "@/lib/cases/categories";
import type { CaseChannel } from "@/lib/cases/categories";
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from "@/lib/referrals/status";
import { dtksCoverage } from "@/lib/reports/dtks-coverage";
import { caseListLink } from "@/lib/reports/load-report";
import { MONTHLY_PDF_ROLES } from "@/lib/reports/monthly-pdf";
import { reportRegions } from "@/lib/reports/names";
import { ppksReport } from "@/lib/reports/ppks-report";
import { referralReport } from "@/lib/reports/referral-report";
import { serviceReport } from "@/lib/reports/service-report";
import { effectiveRegion, formatShare } from "@/lib/reports/stats";
import { dtksTables, ppksTables, referralTables, serviceTables, type TReportTable } from "@/lib/reports/tables";

export const metadata: Metadata = { title: "Laporan" };

const input = "min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2";

function Section({ id, title, children, exportQuery }: { id: string; title: string; children: React.ReactNode; exportQuery: string }) {
  return (
    <section className="rounded-lg border bg-white p-4" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        <ExportLinks report={id} query={exportQuery} />
      </div>
      <div className="flex flex-col gap-6">{children}</div>
    </section>
  );
}

/** A chart with its table view beside it (below on narrow screens). */
function ChartWithTable({ chart, table }: { chart: React.ReactNode; table: TReportTable }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>{chart}</div>
      <ReportTable table={table} />
    </div>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  if (!roleAllows(user.role, "read", "report")) return <p>Anda tidak memiliki akses ke laporan.</p>;
  const sp = await searchParams;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.bulan ?? "") ? sp.bulan! : null;
  const regions = await reportRegions(user);
  const region = sp.wilayah && regions.some((r) => r.code === sp.wilayah) ? sp.wilayah : null;
  const filter = { region, month };
  const now = new Date();
  const showCases = roleAllows(user.role, "read", "case");
  const showReferrals = roleAllows(user.role, "read", "referral");
  const showHouseholds = roleAllows(user.role, "read", "household");
  const [service, referral, ppks, dtks] = await Promise.all([
    showCases ? serviceReport(user, filter, now) : null,
    showReferrals ? referralReport(user, filter, now) : null,
    showHouseholds ? ppksReport(user, filter) : null,
    showHouseholds ? dtksCoverage(user, filter) : null,
  ]);
  const q = new URLSearchParams();
  if (region) q.set("wilayah", region);
  if (month) q.set("bulan", month);
  const exportQuery = q.toString();
  const scopeName = effectiveRegion(user.scopeRegionCode, region) ?? user.scopeRegionCode;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Laporan</h1>
        {(MONTHLY_PDF_ROLES as readonly string[]).includes(user.role) ? (
          month ? <a href={`/laporan/bulanan?${exportQuery}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 py-2" data-testid="monthly-pdf">Laporan bulanan (PDF)</a>
            : <span className="text-sm text-slate-700">Pilih bulan untuk mengunduh laporan bulanan (PDF).</span>
        ) : null}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border bg-white p-4" aria-label="Saring laporan">
        <div className="flex flex-col gap-1">
          <label htmlFor="wilayah" className="font-medium">Wilayah</label>
          <select id="wilayah" name="wilayah" defaultValue={region ?? ""} className={input}>
            <option value="">Seluruh wilayah kerja</option>
            {regions.map((r) => <option key={r.code} value={r.code}>{r.level === "KECAMATAN" ? `Kec. ${r.name}` : `\u00a0\u00a0${r.name}`} ({r.code})</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="bulan" className="font-medium">Bulan</label>
          <input id="bulan" name="bulan" type="month" defaultValue={month ?? ""} className={input} />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand-600 px-4 py-2 font-medium text-white">Terapkan</button>
        <p className="basis-full text-sm text-slate-700">
          Wilayah {scopeName}{month ? `, bulan ${month}` : ", semua bulan"}. Persentil memakai peringkat terdekat (median = p50: nilai ke-⌈0,5·n⌉ setelah diurutkan). Durasi dalam jam.
        </p>
      </form>

      {service ? (() => {
        const [kanal, kinerja] = serviceTables(service, (_o, m) => caseListLink(filter, m));
        const byMonth = new Map<string, { total: number; resolved: number }>();
        for (const r of service.rows) if (r.month) {
          const m = byMonth.get(r.month) ?? { total: 0, resolved: 0 };
          m.total += r.total; m.resolved += r.resolved; byMonth.set(r.month, m);
        }
        const total = service.rows.find((r) => r.month === null);
        return (
          <Section id="layanan" title="Standar pelayanan (UU 25/2009)" exportQuery={exportQuery}>
            <p data-testid="service-summary">Kasus: <strong>{total?.total ?? 0}</strong> · selesai tepat waktu: <strong>{formatShare(total?.withinStandardShare ?? null)}</strong> · terbuka lewat tenggat: <strong>{total?.overdueOpen ?? 0}</strong></p>
            <ChartWithTable table={kinerja!} chart={<LineChart title="Kasus per bulan" series={["total", "resolved"]} seriesLabel={(s) => (s === "total" ? "Masuk" : "Selesai")}
              points={[...byMonth].sort().map(([m, v]) => ({ label: m, values: v, href: caseListLink(filter, m) }))} />} />
            <ChartWithTable table={kanal!} chart={<BarChart title="Kasus menurut kanal"
              bars={service.byChannelKind.filter((r) => r.channel && !r.kind).map((r) => ({ label: CHANNEL_LABELS[r.channel as CaseChannel] ?? r.channel!, value: r.count, href: caseListLink(filter, null) }))} />} />
          </Section>
        );
      })() : null}

      {referral ? (() => {
        const [status, waktu, overdue] = referralTables(referral);
        const desks = new Map<string, { label: string; parts: Record<string, number> }>();
        for (const r of referral.byStatus) {
          const d = desks.get(r.toOfficeId) ?? { label: r.toOfficeName, parts: {} };
          d.parts[r.status] = r.count; desks.set(r.toOfficeId, d);
        }
        const used = REFERRAL_STATUSES.filter((s) => referral.byStatus.some((r) => r.status === s));
        return (
          <Section id="rujukan" title="Rujukan" exportQuery={exportQuery}>
            <ChartWithTable table={status!} chart={<StackedBarChart title="Rujukan per meja tujuan menurut status" series={[...used]}
              seriesLabel={(s) => REFERRAL_STATUS_LABELS[s as keyof typeof REFERRAL_STATUS_LABELS] ?? s}
              stacks={[...desks.values()].map((d) => ({ ...d, href: "/rujukan" }))} />} />
            <ReportTable table={waktu!} />
            <ReportTable table={overdue!} />
          </Section>
        );
      })() : null}

      {ppks ? (() => {
        const [people, proposals] = ppksTables(ppks);
        return (
          <Section id="ppks" title="PPKS dan usulan DTKS" exportQuery={exportQuery}>
            <ChartWithTable table={people!} chart={<BarChart title="Orang per kategori PPKS"
              bars={ppks.rows.filter((r) => r.level === "kategori").map((r) => ({ label: `${r.categoryCode} ${r.categoryName ?? ""}`, value: r.people, href: `/rumah-tangga${region ? `?wilayah=${region}` : ""}` }))} />} />
            <ReportTable table={proposals!} />
          </Section>
        );
      })() : null}

      {dtks ? (() => {
        const [missing, list, desil] = dtksTables(dtks);
        return (
          <Section id="dtks" title="Cakupan DTKS" exportQuery={exportQuery}>
            <ChartWithTable table={missing!} chart={<BarChart title="Layak tetapi belum di DTKS, per kelurahan"
              bars={dtks.byKelurahan.filter((r) => r.regionCode).map((r) => ({ label: r.regionName ?? r.regionCode!, value: r.households, href: `/laporan?wilayah=${r.regionCode}${month ? `&bulan=${month}` : ""}` }))} />} />
            <details><summary className="cursor-pointer font-medium">Daftar rumah tangga untuk diusulkan ({dtks.households.length})</summary><ReportTable table={list!} /></details>
            <ChartWithTable table={desil!} chart={<BarChart title="Sebaran desil (orang)"
              bars={dtks.desil.map((d) => ({ label: `${d.source} desil ${d.desil ?? "–"}`, value: d.people }))} />} />
          </Section>
        );
      })() : null}
    </div>
  );
}
