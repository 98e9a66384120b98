import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// The API's description is public, like any OpenAPI document; every operation in it requires a token.
export function GET() {
  return NextResponse.json(openApiDocument());
}
