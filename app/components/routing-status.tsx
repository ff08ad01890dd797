// The line at the top of a routing page after a form was posted: what changed, or what went wrong.
import type { MessageKey } from "../i18n/i18n";
import { useMessage } from "../i18n/use-t";
import type { FormFailure } from "../lib/forms";

export type RoutingActionResult = FormFailure | { ok: true; message: MessageKey };

export function RoutingStatus({ result }: { result: RoutingActionResult | undefined }) {
  const message = useMessage();
  if (!result) return null;
  const text = result.ok
    ? message(result.message)
    : message(result.formError ?? "common.checkFields");
  return (
    <div
      role={result.ok ? "status" : "alert"}
      className={`mb-6 rounded-md p-3 text-sm ring-1 ${
        result.ok
          ? "bg-green-50 text-green-900 ring-green-200"
          : "bg-red-50 text-red-800 ring-red-200"
      }`}
    >
      {text}
    </div>
  );
}
