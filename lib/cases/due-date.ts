// Service-time targets (UU 25/2009 asks for a visible "time to completion"). Days are counted on the
// office's calendar, not the server's: a server in UTC would otherwise put a case registered at 01:00 WIB
// on the previous day. Asia/Jakarta is the default; offices in WITA/WIT pass their own zone.
// Only Intl is used (no date library), so this runs the same in the browser and on the server.

import { isOpenStatus, type TCaseStatus } from "./status.ts";

export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

export type TDueDateOptions = {
  /** Count Monday–Friday minus `holidays` instead of calendar days. Off unless asked for. */
  workingDays?: boolean;
  /** Public holidays and cuti bersama as office-local dates, "YYYY-MM-DD". Used only with workingDays. */
  holidays?: readonly string[];
  /** IANA zone of the office; default "Asia/Jakarta" (WIB). */
  timeZone?: string;
};

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: constructing Intl.DateTimeFormat is slow and lists compute many due dates. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at `instant`, as if that wall clock were UTC (ms, whole seconds). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** Days since 1970-01-01 of the office-local calendar date at `instant`. */
function localEpochDay(instant: number, timeZone: string): number {
  return Math.floor(wallClockMs(instant, timeZone) / DAY_MS);
}

/**
 * The UTC instant of 23:59:59.999 local time on `epochDay`. The zone offset is looked up at a first
 * guess and again at the result, which is right even in zones with daylight saving (Indonesia has none,
 * but the function should not silently be wrong elsewhere).
 */
function endOfLocalDay(epochDay: number, timeZone: string): Date {
  const wall = epochDay * DAY_MS + DAY_MS - 1;
  const offsetAt = (instant: number) => wallClockMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

function parseHolidays(holidays: readonly string[]): Set<number> {
  const days = new Set<number>();
  for (const h of holidays) {
    const m = ISO_DATE.exec(h);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
    // Round-trip so "2026-02-30" is rejected instead of becoming 2 March.
    if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== h) {
      throw new RangeError(`Tanggal libur harus berformat YYYY-MM-DD: "${h}".`);
    }
    days.add(ms / DAY_MS);
  }
  return days;
}

function isWorkingDay(epochDay: number, holidays: Set<number>): boolean {
  const weekday = new Date(epochDay * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(epochDay);
}

/**
 * The end (23:59:59.999 office time) of the `days`-th day after `start`, as a UTC Date.
 * With workingDays, weekends and holidays are not counted: Friday + 3 working days = Wednesday.
 * `days` 0 is the end of the start day itself, whatever day that is.
 */
export function computeDueDate(start: Date, days: number, opts: TDueDateOptions = {}): Date {
  if (Number.isNaN(start.getTime())) throw new RangeError("Tanggal mulai tidak valid.");
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Jumlah hari harus bilangan bulat 0 atau lebih: ${days}.`);
  }
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const holidays = parseHolidays(opts.holidays ?? []);

  let day = localEpochDay(start.getTime(), timeZone);
  if (!opts.workingDays) {
    day += days;
  } else {
    for (let counted = 0; counted < days; ) {
      day += 1;
      if (isWorkingDay(day, holidays)) counted += 1;
    }
  }
  return endOfLocalDay(day, timeZone);
}

/** Overdue only matters while someone still has to act: finished, closed and cancelled cases never are. */
export function isOverdue(due: Date | null, now: Date, status: TCaseStatus): boolean {
  return due !== null && isOpenStatus(status) && now.getTime() > due.getTime();
}

/**
 * Calendar days from today to the due date, both taken as office-local dates: 0 = due today,
 * 1 = tomorrow, -1 = was due yesterday.
 */
export function daysLeft(due: Date, now: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return localEpochDay(due.getTime(), timeZone) - localEpochDay(now.getTime(), timeZone);
}
