import "server-only";
import { can, scopeWhere, type TActor } from "@/lib/access/policy";
import { db } from "@/lib/db/client";
import { maskNik } from "@/lib/households/nik";
import { lookupMembers, type TDtksPerson } from "./lookup.ts";
import { latestProposalOf, OPEN_STATUSES } from "./proposals.ts";

/**
 * The DTKS panel of a household (household page, intake): each living member's register entry by NIK,
 * the household's register state and its latest usulan. Null when the actor may not read the register.
 */
export async function dtksPanelFor(actor: TActor, householdId: string) {
  if (!can(actor, "read", "dtks")) return null;
  const h = await db.household.findFirst({
    where: { AND: [scopeWhere(actor, "household"), { id: householdId }] },
    select: { id: true, members: { where: { deceasedAt: null }, select: { id: true, name: true, nik: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!h) return null;
  const entries = await lookupMembers(actor, h.members.map((m) => m.nik).filter((n): n is string => !!n));
  // The household page masks every NIK (the full one is revealed per member, audited): so do the register's.
  const masked = (e: TDtksPerson | undefined): TDtksPerson | null => (e ? { ...e, nik: maskNik(e.nik), noKk: e.noKk ? maskNik(e.noKk) : null } : null);
  const members = h.members.map((m) => ({ id: m.id, name: m.name, nikMasked: m.nik ? maskNik(m.nik) : null, entry: masked(m.nik ? entries.get(m.nik) : undefined) }));
  const proposal = await latestProposalOf(actor, householdId);
  const registered = members.some((m) => m.entry);
  // diusulkan / ditolak / masuk DTKS, as the household moves through the flow.
  const state = registered ? "MASUK_DTKS" : proposal?.status === "DITOLAK" ? "DITOLAK" : proposal ? (proposal.status === "DISETUJUI" ? "DISETUJUI" : "DIUSULKAN") : "TIDAK_TERDAFTAR";
  return {
    members, registered, state, proposal,
    mayPropose: can(actor, "create", "proposal") && !registered && !(proposal && (OPEN_STATUSES as readonly string[]).includes(proposal.status)),
  };
}
