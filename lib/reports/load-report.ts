import "server-only";
import type { TActor } from "@/lib/access/policy";
import { dtksCoverage } from "./dtks-coverage.ts";
import { ppksReport } from "./ppks-report.ts";
import { referralReport } from "./referral-report.ts";
import type { TReportFilter } from "./scope.ts";
import { serviceReport } from "./service-report.ts";
import { monthRange } from "./stats.ts";
import { dtksTables, ppksTables, referralTables, serviceTables, type TReportKind, type TReportTable } from "./tables.ts";

/** The case list (work list "semua") for an office row: same region and month, so a number can be checked. */
export function caseListLink(filter: TReportFilter, month: string | null): string {
  const q = new URLSearchParams({ tab: "semua" });
  if (filter.region) q.set("wilayah", filter.region);
  const m = month ?? filter.month ?? null;
  const range = m ? monthRange(m) : null;
  if (range) {
    const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    q.set("dari", day(range.from));
    q.set("sampai", day(new Date(range.to.getTime() - 1)));
  }
  return `/kasus?${q}`;
}

/** Runs one report and returns its tables (what the page shows beside the charts and what exports write). */
export async function loadReportTables(actor: TActor, kind: TReportKind, filter: TReportFilter, now = new Date()): Promise<TReportTable[]> {
  switch (kind) {
    case "layanan":
      return serviceTables(await serviceReport(actor, filter, now), (_office, month) => caseListLink(filter, month));
    case "rujukan":
      return referralTables(await referralReport(actor, filter, now));
    case "ppks":
      return ppksTables(await ppksReport(actor, filter));
    case "dtks":
      return dtksTables(await dtksCoverage(actor, filter));
  }
}
