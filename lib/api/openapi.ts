import { referralOpenApiPaths } from "@/lib/referrals/openapi-paths";
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
      ...referralOpenApiPaths(error, errors),
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
      "/cases": {
        post: {
          summary: "Daftarkan layanan/pengaduan baru (intake)", operationId: "createCase",
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", minLength: 8, maxLength: 100 },
            description: "Permintaan ulang dengan kunci yang sama mengembalikan kasus yang sama (200), bukan kasus baru." }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/IntakeInput" } } } },
          responses: {
            "201": { description: "Kasus dibuat", content: { "application/json": { schema: { $ref: "#/components/schemas/CaseCreated" } } } },
            "200": { description: "Permintaan ulang (Idempotency-Key sama): kasus yang sudah ada", content: { "application/json": { schema: { $ref: "#/components/schemas/CaseCreated" } } } },
            "409": { description: "NIK/No KK sudah terdaftar atau kemungkinan data ganda", content: { "application/json": { schema: error } } },
            "422": { description: "Isian tidak valid (fieldErrors per kolom)", content: { "application/json": { schema: error } } },
            ...errors,
          },
        },
      },
      "/cases/{ticket}": {
        get: {
          summary: "Kasus menurut nomor tiket", operationId: "getCaseByTicket",
          parameters: [{ name: "ticket", in: "path", required: true, schema: { type: "string", example: "PKS-3577011001-2026-00042" } }],
          responses: { "200": { description: "Kasus dan lini masanya" }, "404": { description: "Tidak ada di wilayah pemanggil", content: { "application/json": { schema: error } } }, ...errors },
        },
      },
      "/field/reports/{id}/photos": {
        post: {
          summary: "Foto untuk laporan penjangkauan sendiri (antrean offline; foto yang sama dikirim ulang → 200)", operationId: "addReportPhoto",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } } } },
          responses: { "201": { description: "Foto disimpan" }, "200": { description: "Foto ini sudah tersimpan" }, "404": { description: "Bukan laporan pemanggil atau di luar wilayahnya", content: { "application/json": { schema: error } } }, ...errors },
        },
      },
      "/eligibility/assess": {
        post: {
          summary: "Nilai kelayakan rumah tangga (garis kemiskinan, 14 kriteria BPS, set indikator daerah)", operationId: "assessEligibility",
          description: "Kirim `householdId` (rumah tangga terdaftar; hasil disimpan) atau `household` (data langsung; tidak disimpan). Penghasilan yang belum diketahui menghasilkan \"perlu verifikasi\".",
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["methods"], properties: {
            householdId: { type: "string" },
            household: { type: "object", properties: { regionCode: { type: "string", example: "35.77.01.1001" }, members: { type: "array", items: { type: "object", properties: { name: { type: "string" }, monthlyIncome: { type: ["integer", "null"] }, birthDate: { type: ["string", "null"], format: "date" }, deceased: { type: "boolean" }, hasCondition: { type: "boolean" } } } }, ppksCodes: { type: "array", items: { type: "string" } } } },
            methods: { type: "array", items: { type: "string", enum: ["GARIS_KEMISKINAN", "KRITERIA_BPS", "SET_INDIKATOR"] } },
            regularAid: { type: "integer", minimum: 0, description: "Bantuan tunai rutin per bulan (rupiah)" },
            receivesCentralProgram: { type: ["boolean", "null"] }, rtlh: { type: "boolean" },
            dtksStatus: { type: "string", enum: ["TERDAFTAR", "TIDAK_TERDAFTAR", "TIDAK_DIKETAHUI"] },
            bps: { type: "object", additionalProperties: { type: "boolean" }, description: "K01…K14 → true/false" },
            indicatorSetId: { type: "string" }, indicators: { type: "object", additionalProperties: { type: "string" }, description: "kode indikator → kode pilihan" },
          } } } } },
          responses: {
            "200": { description: "Hasil per metode (kelas, skor, versi aturan, penjelasan) dan saran program" },
            "404": { description: "Rumah tangga tidak ada di wilayah pemanggil", content: { "application/json": { schema: error } } },
            "422": { description: "Isian tidak valid (fieldErrors per kolom)", content: { "application/json": { schema: error } } },
            ...errors,
          },
        },
      },
      "/households": {
        get: {
          summary: "Cari rumah tangga (NIK, No KK, atau nama; toleran salah ketik)", operationId: "searchHouseholds",
          parameters: [{ name: "q", in: "query", schema: { type: "string" } }, { name: "page", in: "query", schema: { type: "integer", minimum: 1 } }],
          responses: { "200": { description: "Hasil pencarian dalam wilayah pemanggil" }, ...errors },
        },
      },
      "/dtks/lookup": {
        get: {
          summary: "Cek DTKS/DTSEN: per NIK (dengan anggota KK lain), per No KK, atau nama + wilayah (toleran salah ketik)", operationId: "dtksLookup",
          parameters: [
            { name: "nik", in: "query", schema: { type: "string" } }, { name: "no_kk", in: "query", schema: { type: "string" } },
            { name: "name", in: "query", schema: { type: "string" } }, { name: "region", in: "query", schema: { type: "string" }, description: "kecamatan atau kelurahan, wajib untuk name" },
            { name: "birth_date", in: "query", schema: { type: "string", format: "date" } },
          ],
          responses: { "200": { description: "{ found, records, family } per NIK; { found, members } per No KK; { data } per nama — hanya batch aktif, dalam wilayah pemanggil" }, ...errors },
        },
      },
      "/dtks/batches": {
        post: {
          summary: "Unggah ekstrak DTKS/DTSEN (CSV/XLSX sebagai body mentah); impor berjalan di latar", operationId: "dtksImport",
          parameters: ["file_name", "source", "period", "region", "force", "mapping"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
          responses: { "200": { description: "{ data: { id, status } }; pantau GET /dtks/batches/{id}; mapping = JSON isian → judul kolom" }, ...errors },
        },
      },
      "/dtks/uploads": {
        post: {
          summary: "Unggah ekstrak untuk halaman impor (body mentah, ?file_name=): berkas disimpan, jawabannya baris judul kolom dan pemetaan otomatis", operationId: "dtksUpload",
          parameters: [{ name: "file_name", in: "query", schema: { type: "string" } }],
          responses: { "200": { description: "{ data: { uploadId, fileName, headers, mapping, problems } }" }, ...errors },
        },
      },
      "/dtks/proposals/export": {
        get: {
          summary: "Ekspor usulan yang disetujui (CSV atau ?format=xlsx), kolom: docs/dtks.md", operationId: "dtksProposalExport",
          responses: { "200": { description: "Berkas CSV/XLSX" }, ...errors },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object", required: ["code", "message"],
              properties: {
                code: { type: "string" }, message: { type: "string" },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "pesan per kolom (422, 409)" },
                details: { type: "object", description: "409 NIK sudah terdaftar: existingHousehold (householdId, personId, personName, address, rt, rw, regionCode) bila rumah tangga itu boleh dibuka pemanggil" },
              },
            },
          },
        },
        Me: { type: "object", properties: { username: { type: "string" }, role: { type: "string" }, districtCode: { type: "string" }, scopeRegionCode: { type: "string" }, rtList: { type: "array", items: { type: "string" } } } },
        IntakeInput: {
          type: "object", required: ["householdMode", "channel", "kind", "need", "serviceCategories"],
          properties: {
            householdMode: { type: "string", enum: ["existing", "new", "none"] },
            householdId: { type: "string", description: "untuk householdMode=existing" },
            household: { type: "object", description: "untuk householdMode=new: noKk, address, rt, rw, regionCode, phone, members[] (nik, name, birthDate, sex, relation, …)" },
            subjectPersonId: { type: "string" }, subjectMemberIndex: { type: "integer", minimum: 0 },
            confirmNotDuplicate: { type: "boolean" },
            channel: { type: "string", enum: ["DATANG_LANGSUNG", "TELEPON", "WHATSAPP", "PENJANGKAUAN", "RUJUKAN_MASUK", "ONLINE"] },
            kind: { type: "string", enum: ["PENGADUAN", "PERMOHONAN_LAYANAN", "INFORMASI"] },
            need: { type: "string", minLength: 10 },
            serviceCategories: { type: "array", items: { type: "string", enum: ["kesehatan", "pendidikan", "bansos", "adminduk", "perumahan", "pekerjaan", "perlindungan", "lainnya"] } },
            ppksCodes: { type: "array", items: { type: "string" } },
            urgency: { type: "string", enum: ["RENDAH", "SEDANG", "TINGGI", "DARURAT"] },
            reporterName: { type: "string" }, reporterPhone: { type: "string" }, reporterRelation: { type: "string" }, anonymous: { type: "boolean" },
          },
        },
        CaseCreated: { type: "object", properties: { id: { type: "string" }, ticketNo: { type: "string" }, dueAt: { type: "string", format: "date-time" }, householdId: { type: ["string", "null"] }, warnings: { type: "array", items: { type: "string" } } } },
        Region: { type: "object", properties: { code: { type: "string", example: "35.77.01.1001" }, name: { type: "string" }, level: { type: "string", enum: ["PROVINSI", "KABUPATEN_KOTA", "KECAMATAN", "DESA_KELURAHAN"] }, parentCode: { type: ["string", "null"] } } },
      },
    },
  };
}
