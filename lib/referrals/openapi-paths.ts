// /api/v1/referrals… in the OpenAPI document (lib/api/openapi.ts spreads these in).

export function referralOpenApiPaths(error: object, errors: Record<string, object>) {
  const json = (schema: object) => ({ content: { "application/json": { schema } } });
  const referral = {
    type: "object",
    properties: {
      id: { type: "string" }, ticketNo: { type: "string" }, status: { type: "string", enum: ["DRAFT", "MENUNGGU_PENETAPAN", "DIKIRIM", "DITERIMA", "DITOLAK", "DIALIHKAN", "DALAM_PROSES", "SELESAI", "DIBATALKAN"] },
      version: { type: "integer" }, serviceCategory: { type: "string" }, reason: { type: "string" }, fromOffice: { type: "string" }, toOffice: { type: "string" },
      dueAt: { type: "string", format: "date-time" }, letterNo: { type: ["string", "null"] }, verificationCode: { type: "string" },
      outcome: { type: ["string", "null"], enum: ["LAYANAN_DIBERIKAN", "TIDAK_MEMENUHI_SYARAT", "LAINNYA", null] }, outcomeNote: { type: ["string", "null"] },
      allowedMoves: { type: "array", items: { type: "string" } },
      subject: { type: "object", description: "Hanya data warga yang diperlukan layanan ini (UU 27/2022)", additionalProperties: { type: "string" } },
    },
  };
  const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
  return {
    "/referrals": {
      get: {
        summary: "Daftar rujukan yang boleh dilihat pemanggil (meja SKPD: yang ditujukan ke kantornya)", operationId: "listReferrals",
        parameters: [{ name: "status", in: "query", required: false, schema: { type: "string" } }],
        responses: { "200": { description: "Daftar rujukan", ...json({ type: "object", properties: { data: { type: "array", items: { type: "object" } } } }) }, ...errors },
      },
      post: {
        summary: "Buat rujukan dari sebuah kasus (tujuan disarankan aturan rujukan bila toOfficeId kosong)", operationId: "createReferral",
        requestBody: { required: true, ...json({
          type: "object", required: ["caseId", "serviceCategory", "reason", "legalBasis"],
          properties: {
            caseId: { type: "string" }, serviceCategory: { type: "string" }, toOfficeId: { type: "string" }, reason: { type: "string", minLength: 10 },
            legalBasis: { type: "string", enum: ["TUGAS_LAYANAN_PUBLIK", "PERSETUJUAN_WARGA", "PERSETUJUAN_ORANG_TUA_WALI"] },
            consentBy: { type: "string" }, consentOverrideReason: { type: "string" },
          },
        }) },
        responses: { "201": { description: "Rujukan dibuat" }, "422": { description: "Isian tidak valid", ...json(error) }, ...errors },
      },
    },
    "/referrals/{id}": {
      get: { summary: "Satu rujukan", operationId: "getReferral", parameters: [idParam],
        responses: { "200": { description: "Rujukan", ...json(referral) }, "404": { description: "Tidak ada atau bukan untuk pemanggil", ...json(error) }, ...errors } },
    },
    "/referrals/{id}/{action}": {
      post: {
        summary: "Tindak lanjut: accept, decline, redirect, start, complete (meja tujuan); decide (penetapan); cancel", operationId: "moveReferral",
        parameters: [idParam, { name: "action", in: "path", required: true, schema: { type: "string", enum: ["accept", "decline", "redirect", "start", "complete", "decide", "cancel"] } }],
        requestBody: { required: true, ...json({
          type: "object", required: ["version"],
          properties: {
            version: { type: "integer", description: "Versi yang terakhir dibaca (409 bila sudah berubah)" }, note: { type: "string" },
            outcome: { type: "string", enum: ["LAYANAN_DIBERIKAN", "TIDAK_MEMENUHI_SYARAT", "LAINNYA"] }, redirectToOfficeId: { type: "string" },
          },
        }) },
        responses: {
          "200": { description: "Rujukan setelah diubah", ...json(referral) }, "404": { description: "Tidak ada atau bukan untuk pemanggil", ...json(error) },
          "409": { description: "Sudah diubah pihak lain", ...json(error) }, "422": { description: "Langkah tidak sah / alasan atau hasil belum diisi", ...json(error) }, ...errors,
        },
      },
    },
  };
}
