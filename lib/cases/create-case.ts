import "server-only";
import { authorize, type TRequestContext } from "@/lib/access/authorize";
import { isWithin, scopeWhere, type TActor } from "@/lib/access/policy";
import { parseOrThrow } from "@/lib/actions/parse-input";
import { writeAudit } from "@/lib/audit/write-audit";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_SERVICE_DAYS, type TServiceCategory } from "./categories.ts";
import { computeDueDate } from "./due-date.ts";
import { ZCreateCaseInput, type TCreateCaseRawInput } from "./schemas.ts";
import { formatTicketNumber } from "./ticket.ts";
import { CASE_TIME_ZONE, yearIn } from "./time-zone.ts";

export type TCreateCaseResult = { id: string; ticketNo: string; dueAt: Date; created: boolean };

const invalid = (field: string, message: string) => new AppError("INVALID", undefined, { [field]: [message] });

/**
 * Serialises requests that carry the same Idempotency-Key of one user until the first commits, so the
 * second one finds the case instead of creating another. The intake calls this (and
 * findCaseByIdempotencyKey) before it creates a household, so a retried request makes no second household.
 */
export async function lockIdempotencyKey(tx: Tx, userId: string, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"case-idem:" + userId}), hashtext(${key}))`;
}

/** The case an earlier request of this user with this key created, or null. */
export async function findCaseByIdempotencyKey(client: Tx | typeof db, userId: string, key: string): Promise<TCreateCaseResult | null> {
  const existing = await client.case.findFirst({
    where: { createdById: userId, idempotencyKey: key },
    select: { id: true, ticketNo: true, dueAt: true },
  });
  return existing ? { ...existing, created: false } : null;
}

/**
 * Due date: the district's service standard (or DEFAULT_SERVICE_DAYS) of each chosen category; the
 * shortest wins, because the citizen was promised every service asked for. An emergency is due within
 * one working day whatever the categories say.
 */
export async function dueDateFor(
  tx: Tx,
  districtCode: string,
  categories: readonly TServiceCategory[],
  urgency: string,
  now: Date,
): Promise<Date> {
  const standards = await tx.serviceStandard.findMany({
    where: { districtCode, serviceCategory: { in: [...categories] } },
    select: { serviceCategory: true, days: true, workingDays: true },
  });
  const byCategory = new Map(standards.map((s) => [s.serviceCategory, s]));
  const candidates = categories.map((c) => {
    const s = byCategory.get(c);
    return computeDueDate(now, s?.days ?? DEFAULT_SERVICE_DAYS[c], { workingDays: s?.workingDays ?? true, timeZone: CASE_TIME_ZONE });
  });
  if (urgency === "DARURAT") candidates.push(computeDueDate(now, 1, { workingDays: true, timeZone: CASE_TIME_ZONE }));
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** Next number of the district's yearly ticket sequence; the row lock is held until the transaction ends. */
async function nextTicketSeq(tx: Tx, districtCode: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO ticket_sequence (district_code, year, last) VALUES (${districtCode}, ${year}, 1)
    ON CONFLICT (district_code, year) DO UPDATE SET last = ticket_sequence.last + 1
    RETURNING last`;
  return Number(rows[0].last);
}

/**
 * Registers a case inside the caller's transaction (the intake creates a household in the same one).
 * The office is the actor's, the region and RT are the household's (or the office's): nothing that
 * decides scope is taken from the input.
 */
export async function createCaseInTx(
  tx: Tx,
  actor: TActor,
  raw: TCreateCaseRawInput,
  ctx: TRequestContext = {},
): Promise<TCreateCaseResult> {
  const input = parseOrThrow(ZCreateCaseInput, raw);

  if (input.idempotencyKey) {
    await lockIdempotencyKey(tx, actor.id, input.idempotencyKey);
    const existing = await findCaseByIdempotencyKey(tx, actor.id, input.idempotencyKey);
    if (existing) return existing;
  }

  const office = await tx.office.findUnique({
    where: { id: actor.officeId },
    select: { id: true, code: true, regionCode: true, districtCode: true, active: true },
  });
  if (!office || office.districtCode !== actor.districtCode) throw new AppError("FORBIDDEN", "Kantor Anda tidak dikenal.");

  let regionCode: string;
  let rt: string | null = null;
  if (input.householdId) {
    // Scope in the query: a household outside the actor's area is simply not found.
    const household = await tx.household.findFirst({
      where: { id: input.householdId, ...scopeWhere(actor, "household") },
      select: { id: true, regionCode: true, rt: true },
    });
    if (!household) throw new AppError("NOT_FOUND", "Rumah tangga tidak ditemukan di wilayah kerja Anda.");
    regionCode = household.regionCode;
    rt = household.rt;
    if (input.subjectPersonId) {
      const person = await tx.person.findFirst({ where: { id: input.subjectPersonId, householdId: household.id }, select: { id: true } });
      if (!person) throw invalid("subjectPersonId", "Warga yang dilayani bukan anggota rumah tangga ini.");
    }
  } else {
    if (actor.rtList.length > 0) {
      throw invalid("householdId", "Pilih rumah tangga: kasus Anda dicatat untuk rumah tangga di RT yang Anda pegang.");
    }
    // A kelurahan office's cases belong to its kelurahan; a district office's staff working in a
    // smaller area (a TKSK's kecamatan) register in that area.
    regionCode = isWithin(office.regionCode, actor.scopeRegionCode) ? office.regionCode : actor.scopeRegionCode;
  }

  await authorize(actor, "create", "case", { districtCode: actor.districtCode, regionCode, rt }, ctx);

  if (input.ppksCodes.length > 0) {
    const known = await tx.ppksCategory.findMany({
      where: { code: { in: input.ppksCodes }, active: true, OR: [{ districtCode: null }, { districtCode: actor.districtCode }] },
      select: { code: true },
    });
    const unknown = input.ppksCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length > 0) throw invalid("ppksCodes", `Kode PPKS tidak dikenal: ${unknown.join(", ")}.`);
  }

  const now = new Date();
  const year = yearIn(now, CASE_TIME_ZONE);
  const seq = await nextTicketSeq(tx, actor.districtCode, year);
  const ticketNo = formatTicketNumber(office.code, year, seq);
  const dueAt = await dueDateFor(tx, actor.districtCode, input.serviceCategories, input.urgency, now);

  const created = await tx.case.create({
    data: {
      ticketNo,
      districtCode: actor.districtCode,
      regionCode,
      rt,
      officeId: office.id,
      householdId: input.householdId ?? null,
      subjectPersonId: input.subjectPersonId ?? null,
      channel: input.channel,
      kind: input.kind,
      need: input.need,
      serviceCategories: input.serviceCategories,
      ppksCodes: input.ppksCodes,
      urgency: input.urgency,
      // An anonymous reporter is not stored at all, so no screen or export can leak them.
      reporterName: input.anonymous ? null : (input.reporterName ?? null),
      reporterPhone: input.anonymous ? null : (input.reporterPhone ?? null),
      reporterRelation: input.anonymous ? null : (input.reporterRelation ?? null),
      anonymous: input.anonymous,
      dueAt,
      createdById: actor.id,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.caseEvent.create({
    data: {
      caseId: created.id, at: now, actorId: actor.id, actorLabel: actor.username, kind: "created", toStatus: "BARU",
      data: { ticketNo, channel: input.channel, kind: input.kind, serviceCategories: input.serviceCategories, urgency: input.urgency, dueAt: dueAt.toISOString() },
    },
  });
  // Metadata only: the need's wording and the reporter's identity stay out of the audit trail.
  await writeAudit(tx, { id: actor.id, label: actor.username, ip: ctx.ip }, {
    action: "case.create", entity: "case", entityId: created.id, regionCode, districtCode: actor.districtCode,
    after: {
      ticketNo, officeId: office.id, householdId: input.householdId ?? null, subjectPersonId: input.subjectPersonId ?? null,
      channel: input.channel, kind: input.kind, serviceCategories: input.serviceCategories, ppksCodes: input.ppksCodes,
      urgency: input.urgency, anonymous: input.anonymous, hasReporter: !input.anonymous && Boolean(input.reporterName || input.reporterPhone),
      dueAt, status: "BARU", idempotencyKey: input.idempotencyKey ?? null,
    },
  });
  return { id: created.id, ticketNo, dueAt, created: true };
}

function isIdempotencyViolation(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return false;
  return JSON.stringify(e.meta ?? {}).includes("idempotency");
}

/** Registers a case in its own transaction. A retried request (same Idempotency-Key) returns the first case. */
export async function createCase(actor: TActor, raw: TCreateCaseRawInput, ctx: TRequestContext = {}): Promise<TCreateCaseResult> {
  try {
    return await db.$transaction((tx) => createCaseInTx(tx, actor, raw, ctx));
  } catch (e) {
    // The advisory lock makes this race unlikely; if two requests still collided on the unique key,
    // the loser's transaction is gone, so read the winner's case outside it.
    const key = typeof raw.idempotencyKey === "string" ? raw.idempotencyKey.trim() : "";
    if (key && isIdempotencyViolation(e)) {
      const existing = await findCaseByIdempotencyKey(db, actor.id, key);
      if (existing) return existing;
    }
    throw e;
  }
}
