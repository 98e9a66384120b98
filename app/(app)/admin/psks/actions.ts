"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createPsksUnit, setPsksUnitActive } from "@/lib/psks/create-psks-unit";
import { ZPsksUnitIdInput, ZPsksUnitInput } from "@/lib/psks/schemas";

export const createPsksUnitAction = defineAction(
  { schema: ZPsksUnitInput, permission: { action: "create", resource: "psksUnit" } },
  async (input, { user, ip }) => {
    const created = await createPsksUnit(user, input, { ip });
    revalidatePath("/admin/psks");
    return created;
  },
);

export const deactivatePsksUnitAction = defineAction(
  { schema: ZPsksUnitIdInput, permission: { action: "update", resource: "psksUnit" } },
  async ({ unitId }, { user, ip }) => {
    await setPsksUnitActive(user, unitId, false, { ip });
    revalidatePath("/admin/psks");
    return { unitId };
  },
);

export const activatePsksUnitAction = defineAction(
  { schema: ZPsksUnitIdInput, permission: { action: "update", resource: "psksUnit" } },
  async ({ unitId }, { user, ip }) => {
    await setPsksUnitActive(user, unitId, true, { ip });
    revalidatePath("/admin/psks");
    return { unitId };
  },
);
