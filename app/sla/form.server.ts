// Reads a posted agreement form: either a segment button (add a block, remove one), which only
// redraws the form as typed, or a save, which parses every field into a draft's content with
// errors named by field. Nothing is stored unless the whole form is valid.
import { type FormFailure, formValues, parseForm } from "../lib/forms";
import { nestedFormInput } from "../routing/forms";
import type { AgreementContent } from "./agreements.server";
import { agreementFormSchema, withSegmentAdded, withSegmentRemoved } from "./form";

export type AgreementFormOutcome =
  | { kind: "redraw"; values: Record<string, string> }
  | { kind: "invalid"; failure: FormFailure }
  | { kind: "valid"; content: AgreementContent };

export function readAgreementForm(formData: FormData): AgreementFormOutcome {
  if (formData.has("addSegment")) {
    return { kind: "redraw", values: withSegmentAdded(formValues(formData)) };
  }
  const remove = formData.get("removeSegment");
  if (typeof remove === "string" && /^\d+$/.test(remove)) {
    return { kind: "redraw", values: withSegmentRemoved(formValues(formData), Number(remove)) };
  }
  const parsed = parseForm(agreementFormSchema, formData, nestedFormInput(formData));
  if (!parsed.ok) return { kind: "invalid", failure: parsed };
  return { kind: "valid", content: parsed.data };
}
