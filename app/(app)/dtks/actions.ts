"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createDeliberation, createProposal, decideProposal, recordVerivali, ZCreateProposal, ZDecideProposal, ZDeliberation, ZVerivali } from "@/lib/dtks/proposals";

export const createProposalAction = defineAction({ schema: ZCreateProposal, permission: { action: "create", resource: "proposal" } }, async (input, { user, ip }) => {
  const p = await createProposal(user, input, { ip });
  revalidatePath(`/rumah-tangga/${input.householdId}`);
  revalidatePath("/dtks/usulan");
  return { id: p.id };
});

export const decideProposalAction = defineAction({ schema: ZDecideProposal, permission: { action: "update", resource: "dtks" } }, async (input, { user, ip }) => {
  const p = await decideProposal(user, input, { ip });
  revalidatePath("/dtks/usulan");
  return { id: p.id, status: p.status };
});

export const verivaliAction = defineAction({ schema: ZVerivali, permission: { action: "update", resource: "proposal" } }, async (input, { user, ip }) => {
  const p = await recordVerivali(user, input, { ip });
  revalidatePath("/dtks/usulan");
  return { id: p.id };
});

export const deliberationAction = defineAction({ schema: ZDeliberation, permission: { action: "update", resource: "proposal" } }, async (input, { user, ip }) => {
  const d = await createDeliberation(user, input, { ip });
  revalidatePath("/dtks/usulan");
  return { id: d.id };
});
