// Every other URL: signed out → /login (as for every page), signed in → "not found".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/guards.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  notFound();
}

export default function NotFound() {
  return null;
}
