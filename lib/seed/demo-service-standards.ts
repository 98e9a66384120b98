import "server-only";
import { DEFAULT_SERVICE_DAYS, SERVICE_CATEGORIES } from "@/lib/cases/categories";
import type { Db } from "@/lib/db/client";

/**
 * Gives a district the default service standards (working days per service category) where it has
 * none yet; rows the district already set are left alone. Returns how many rows were inserted.
 */
export async function seedServiceStandards(db: Db, districtCode: string): Promise<number> {
  const result = await db.serviceStandard.createMany({
    data: SERVICE_CATEGORIES.map((serviceCategory) => ({
      districtCode, serviceCategory, days: DEFAULT_SERVICE_DAYS[serviceCategory], workingDays: true,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
