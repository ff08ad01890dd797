// GET /api/v1/openapi.json — public, so tools can read it before they have a key.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildOpenApiDocument } from "../api/openapi";

export async function loader({ request }: LoaderFunctionArgs) {
  return Response.json(buildOpenApiDocument(new URL("/api/v1", request.url).toString()));
}
