// Any other /api/v1 path answers JSON, never the HTML page.
import { apiError } from "../api/http.server";

export async function loader() {
  return apiError(404, "No such endpoint; see /api/v1/openapi.json.");
}

export async function action() {
  return apiError(404, "No such endpoint; see /api/v1/openapi.json.");
}
