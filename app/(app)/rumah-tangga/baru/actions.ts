"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createHousehold } from "@/lib/households/create-household";
import { fromFormFields, ZHouseholdInput } from "@/lib/households/schemas";

export const createHouseholdAction = defineAction(
  { schema: fromFormFields(ZHouseholdInput), permission: { action: "create", resource: "household" } },
  async (input, { user, ip }) => {
    const created = await createHousehold(user, input, { ip });
    revalidatePath("/rumah-tangga");
    return created;
  },
);
