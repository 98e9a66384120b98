import "server-only";
import type { TSessionUser } from "@/lib/auth/session";
import { roleAllows } from "@/lib/access/roles";
import { recentActivity } from "@/lib/audit/queries";
import { countCaseTabs } from "@/lib/cases/queries";
import { db } from "@/lib/db/client";
import { referralWaitingItems } from "@/lib/referrals/home-items";

export type TWaitingItem = { key: string; label: string; count: number; href?: string };

/**
 * What a user's home page shows: where they work and what is waiting for them. Each area adds its
 * own waiting items here as it lands (cases to register, referrals to decide…).
 */
export async function homeSummary(user: TSessionUser) {
  const since = new Date(Date.now() - 7 * 86_400_000);
  const [scope, activity, waiting] = await Promise.all([
    db.region.findUnique({ where: { code: user.scopeRegionCode }, select: { name: true, level: true, code: true } }),
    recentActivity(user.id),
    waitingFor(user, since),
  ]);
  return { scope, activity, waiting };
}

async function waitingFor(user: TSessionUser, since: Date): Promise<TWaitingItem[]> {
  const [cases, referrals, other] = await Promise.all([caseItems(user), referralWaitingItems(user), otherItems(user, since)]);
  return [...cases, ...referrals, ...other];
}

/** Cases in the user's scope that wait for someone: their own, nobody's, and those past the due date. */
async function caseItems(user: TSessionUser): Promise<TWaitingItem[]> {
  if (!roleAllows(user.role, "read", "case")) return [];
  const counts = await countCaseTabs(user);
  const handles = roleAllows(user.role, "update", "case");
  return [
    ...(handles ? [{ key: "cases-mine", label: "Kasus saya yang masih terbuka", count: counts.saya, href: "/kasus?tab=saya" }] : []),
    { key: "cases-unassigned", label: "Kasus belum ditugaskan", count: counts["belum-ditugaskan"], href: "/kasus?tab=belum-ditugaskan" },
    { key: "cases-overdue", label: "Kasus lewat tenggat", count: counts["lewat-tenggat"], href: "/kasus?tab=lewat-tenggat" },
  ];
}

async function otherItems(user: TSessionUser, since: Date): Promise<TWaitingItem[]> {
  const d = user.districtCode;
  switch (user.role) {
    case "ADMIN": {
      const [locked, firstLogin, inactive] = await Promise.all([
        db.user.count({ where: { districtCode: d, lockedUntil: { gt: new Date() } } }),
        db.user.count({ where: { districtCode: d, mustChangePassword: true, active: true } }),
        db.user.count({ where: { districtCode: d, active: false } }),
      ]);
      return [
        { key: "locked", label: "Akun terkunci karena salah kata sandi", count: locked, href: "/admin/pengguna" },
        { key: "first-login", label: "Akun baru yang belum mengganti kata sandi sementara", count: firstLogin, href: "/admin/pengguna" },
        { key: "inactive", label: "Akun nonaktif", count: inactive, href: "/admin/pengguna" },
      ];
    }
    case "MANAJER":
    case "DINSOS": {
      const denied = await db.auditLog.count({ where: { districtCode: d, outcome: "denied", at: { gte: since } } });
      return [{ key: "denied", label: "Akses ditolak dalam 7 hari terakhir", count: denied, href: "/audit?hasil=denied" }];
    }
    default:
      return [];
  }
}
