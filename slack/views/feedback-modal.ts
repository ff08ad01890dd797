// The five-field feedback modal, and reading its submitted `view.state.values` back into the
// same shape the web form sends, so one zod schema (app/feedback/schema.ts) checks both.
import type { KnownBlock, View } from "@slack/types";
import {
  type FeedbackOutcome,
  feedbackOutcomes,
  feedbackReasons,
  missingInformationOptions,
  objectionOptions,
} from "../../db/enums";

export const feedbackModalCallbackId = "feedback_modal";

export const feedbackBlocks = {
  outcome: "outcome",
  reason: "reason",
  reasonText: "reason_text",
  missingInformation: "missing_information",
  missingInformationText: "missing_information_text",
  objections: "objections",
  objectionsText: "objections_text",
  nextStep: "next_step",
} as const;

/** Field names of the zod schema → the block that shows their error. */
export const fieldToBlock: Record<string, string> = {
  outcome: feedbackBlocks.outcome,
  reason: feedbackBlocks.reason,
  reasonText: feedbackBlocks.reasonText,
  missingInformation: feedbackBlocks.missingInformation,
  missingInformationText: feedbackBlocks.missingInformationText,
  objections: feedbackBlocks.objections,
  objectionsText: feedbackBlocks.objectionsText,
  nextStep: feedbackBlocks.nextStep,
};

const words = (code: string) => {
  const text = code.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const outcomeLabels: Record<FeedbackOutcome, string> = {
  accepted: "Accepted / qualified",
  disqualified: "Disqualified",
  no_response: "No response",
  recycled: "Recycled to nurture",
};

function selectOptions(codes: readonly string[], label: (code: string) => string = words) {
  return codes.map((code) => ({
    text: { type: "plain_text" as const, text: label(code) },
    value: code,
  }));
}

function textInput(blockId: string, label: string, multiline = false, hint?: string): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: "value",
      multiline,
      max_length: multiline ? 1000 : 500,
    },
    ...(hint ? { hint: { type: "plain_text" as const, text: hint } } : {}),
  };
}

export interface FeedbackModalMetadata {
  leadId: string;
  workspaceId: string;
  /** Where the lead's message is, to update it after the submission. */
  channel?: string;
  ts?: string;
}

export function feedbackModal(options: {
  leadName: string;
  metadata: FeedbackModalMetadata;
  initialOutcome?: FeedbackOutcome;
}): View {
  const initialOutcome = options.initialOutcome;
  return {
    type: "modal",
    callback_id: feedbackModalCallbackId,
    private_metadata: JSON.stringify(options.metadata),
    title: { type: "plain_text", text: "Feedback on lead" },
    submit: { type: "plain_text", text: "Send to marketing" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `*${options.leadName}* · five fields, under a minute` }],
      },
      {
        type: "input",
        block_id: feedbackBlocks.outcome,
        label: { type: "plain_text", text: "1. Outcome" },
        element: {
          type: "static_select",
          action_id: "value",
          options: selectOptions(
            feedbackOutcomes,
            (code) => outcomeLabels[code as FeedbackOutcome],
          ),
          ...(initialOutcome
            ? {
                initial_option: {
                  text: { type: "plain_text" as const, text: outcomeLabels[initialOutcome] },
                  value: initialOutcome,
                },
              }
            : {}),
        },
      },
      {
        type: "input",
        block_id: feedbackBlocks.reason,
        label: { type: "plain_text", text: "2. Why" },
        element: {
          type: "static_select",
          action_id: "value",
          options: selectOptions(feedbackReasons),
        },
      },
      textInput(
        feedbackBlocks.reasonText,
        "In a few words",
        false,
        "e.g. 6 employees, they want a free tool",
      ),
      {
        type: "input",
        block_id: feedbackBlocks.missingInformation,
        optional: true,
        label: { type: "plain_text", text: "3. What marketing should have supplied" },
        element: {
          type: "multi_static_select",
          action_id: "value",
          options: selectOptions(missingInformationOptions),
        },
      },
      textInput(feedbackBlocks.missingInformationText, "Anything else missing"),
      {
        type: "input",
        block_id: feedbackBlocks.objections,
        optional: true,
        label: { type: "plain_text", text: "4. Objections heard" },
        element: {
          type: "multi_static_select",
          action_id: "value",
          options: selectOptions(objectionOptions),
        },
      },
      textInput(feedbackBlocks.objectionsText, "Objections in their words"),
      textInput(feedbackBlocks.nextStep, "5. Next step / note for marketing", true),
    ],
  };
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      type: string;
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

/** `view.state.values` → the feedback form's fields (validated afterwards by the zod schema). */
export function feedbackFromState(values: StateValues) {
  const field = (block: string) => values[block]?.value;
  return {
    outcome: field(feedbackBlocks.outcome)?.selected_option?.value,
    reason: field(feedbackBlocks.reason)?.selected_option?.value,
    reasonText: field(feedbackBlocks.reasonText)?.value ?? null,
    missingInformation: (field(feedbackBlocks.missingInformation)?.selected_options ?? []).map(
      (o) => o.value,
    ),
    missingInformationText: field(feedbackBlocks.missingInformationText)?.value ?? null,
    objections: (field(feedbackBlocks.objections)?.selected_options ?? []).map((o) => o.value),
    objectionsText: field(feedbackBlocks.objectionsText)?.value ?? null,
    nextStep: field(feedbackBlocks.nextStep)?.value ?? null,
  };
}
