/** OpenAPI 3.1 description of /api/v1. Each area adds its paths here as it lands. */
export function openApiDocument() {
  const error = { $ref: "#/components/schemas/Error" };
  const errors = {
    "401": { description: "Tanpa token/sesi atau token tidak berlaku", content: { "application/json": { schema: error } } },
    "403": { description: "Peran tidak berwenang", content: { "application/json": { schema: error } } },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Simpul API", version: "1", description: "API Simpul untuk integrasi SKPD dan sistem lain. Autentikasi: header `Authorization: Bearer <token>` (dibuat admin)." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/me": {
        get: {
          summary: "Identitas pemanggil", operationId: "getMe",
          responses: { "200": { description: "Pengguna yang diwakili token", content: { "application/json": { schema: { $ref: "#/components/schemas/Me" } } } }, ...errors },
        },
      },
      "/regions": {
        get: {
          summary: "Wilayah dalam cakupan pemanggil", operationId: "listRegions",
          responses: {
            "200": { description: "Daftar wilayah", content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/Region" } } } } } } },
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] } } },
        Me: { type: "object", properties: { username: { type: "string" }, role: { type: "string" }, districtCode: { type: "string" }, scopeRegionCode: { type: "string" }, rtList: { type: "array", items: { type: "string" } } } },
        Region: { type: "object", properties: { code: { type: "string", example: "35.77.01.1001" }, name: { type: "string" }, level: { type: "string", enum: ["PROVINSI", "KABUPATEN_KOTA", "KECAMATAN", "DESA_KELURAHAN"] }, parentCode: { type: ["string", "null"] } } },
      },
    },
  };
}
