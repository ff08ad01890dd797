// Five-field feedback (DESIGN.md): one zod schema behind the Slack modal and the web dialog.
import { z } from "zod";
import {
  feedbackOutcomes,
  feedbackReasons,
  missingInformationOptions,
  objectionOptions,
} from "../../db/enums";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep this under ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

export const feedbackSchema = z.object({
  outcome: z.enum(feedbackOutcomes, { error: "validation.feedback.outcome" }),
  reason: z.enum(feedbackReasons, { error: "validation.feedback.reason" }),
  reasonText: optionalText(500),
  missingInformation: z.array(z.enum(missingInformationOptions)).default([]),
  missingInformationText: optionalText(500),
  objections: z.array(z.enum(objectionOptions)).default([]),
  objectionsText: optionalText(500),
  nextStep: optionalText(1000),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

/** The lifecycle move each outcome implies for a lead that is still open. */
export const outcomeStatus = {
  accepted: "sal",
  disqualified: "disqualified",
  no_response: null,
  recycled: "recycled",
} as const;

/** The web dialog's fields → the same shape the Slack modal gives (checked by `feedbackSchema`). */
export function feedbackFromForm(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : null;
  };
  return {
    outcome: text("outcome") ?? undefined,
    reason: text("reason") ?? undefined,
    reasonText: text("reasonText"),
    missingInformation: formData.getAll("missingInformation").map(String),
    missingInformationText: text("missingInformationText"),
    objections: formData.getAll("objections").map(String),
    objectionsText: text("objectionsText"),
    nextStep: text("nextStep"),
  };
}
