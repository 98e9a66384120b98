"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";

export const createTokenAction = defineAction(
  {
    schema: z.strictObject({
      userId: z.string().min(1, "Pilih pengguna yang diwakili token."),
      name: z.string().trim().min(3, "Beri nama integrasi, mis. \"Aplikasi Dinkes\".").max(80, "Nama terlalu panjang."),
    }),
    permission: { action: "create", resource: "apiToken" },
  },
  async (input, { user, ip }) => {
    const created = await createApiToken({ id: user.id, label: user.username, ip, districtCode: user.districtCode }, input.userId, input.name);
    revalidatePath("/admin/token-api");
    return { token: created.token, username: created.username };
  },
);

export const revokeTokenAction = defineAction(
  { schema: z.strictObject({ tokenId: z.string().min(1) }), permission: { action: "create", resource: "apiToken" } },
  async ({ tokenId }, { user, ip }) => {
    await revokeApiToken(user, tokenId, ip);
    revalidatePath("/admin/token-api");
    return { tokenId };
  },
);
