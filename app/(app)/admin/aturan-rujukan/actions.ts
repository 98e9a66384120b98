"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createRoutingRule, setRoutingRuleActive } from "@/lib/referrals/save-routing-rule";
import { ZRoutingRuleInput } from "@/lib/referrals/schemas";

export const createRoutingRuleAction = defineAction(
  { schema: ZRoutingRuleInput, permission: { action: "update", resource: "reference" } },
  async (input, { user, ip }) => {
    const r = await createRoutingRule(user, input, { ip });
    revalidatePath("/admin/aturan-rujukan");
    return r;
  },
);

export const toggleRoutingRuleAction = defineAction(
  { schema: z.strictObject({ ruleId: z.string().min(1), active: z.enum(["true", "false"]) }), permission: { action: "update", resource: "reference" } },
  async (input, { user, ip }) => {
    const r = await setRoutingRuleActive(user, input.ruleId, input.active === "true", { ip });
    revalidatePath("/admin/aturan-rujukan");
    return r;
  },
);
