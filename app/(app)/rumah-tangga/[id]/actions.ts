"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { addMember } from "@/lib/households/add-member";
import { markDeceased } from "@/lib/households/mark-deceased";
import { moveMember } from "@/lib/households/move-member";
import { revealNik, ZRevealNikInput } from "@/lib/households/reveal-nik";
import {
  ZAddMemberInput, ZMarkDeceasedInput, ZMoveMemberInput, ZTagPpksInput, ZUpdateHouseholdInput, ZUpdateMemberInput,
} from "@/lib/households/schemas";
import { tagPpks } from "@/lib/households/tag-ppks";
import { updateHousehold } from "@/lib/households/update-household";
import { updateMember } from "@/lib/households/update-member";

const UPDATE = { action: "update", resource: "household" } as const;
const refresh = (...ids: string[]) => {
  for (const id of ids) revalidatePath(`/rumah-tangga/${id}`);
  revalidatePath("/rumah-tangga");
};

export const updateHouseholdAction = defineAction({ schema: ZUpdateHouseholdInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await updateHousehold(user, input, { ip });
  refresh(result.householdId);
  return result;
});

export const addMemberAction = defineAction({ schema: ZAddMemberInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await addMember(user, input, { ip });
  refresh(result.householdId);
  return result;
});

export const updateMemberAction = defineAction({ schema: ZUpdateMemberInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await updateMember(user, input, { ip });
  refresh(result.householdId);
  return result;
});

export const moveMemberAction = defineAction({ schema: ZMoveMemberInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await moveMember(user, input, { ip });
  refresh(result.fromHouseholdId, result.toHouseholdId);
  return result;
});

export const markDeceasedAction = defineAction({ schema: ZMarkDeceasedInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await markDeceased(user, input, { ip });
  refresh(result.householdId);
  return result;
});

export const tagPpksAction = defineAction({ schema: ZTagPpksInput, permission: UPDATE }, async (input, { user, ip }) => {
  const result = await tagPpks(user, input, { ip });
  refresh(result.householdId);
  return result;
});

// Read-only: nothing to revalidate. The lib checks the scope and the role's right to the full NIK and audits it.
export const revealNikAction = defineAction(
  { schema: ZRevealNikInput, permission: { action: "read", resource: "household" } },
  async (input, { user, ip }) => revealNik(user, input, { ip }),
);
