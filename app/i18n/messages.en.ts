// The English catalogue, the reference: one module per capability, combined here.
import { attributionEn } from "./messages/attribution.en";
import { coreEn } from "./messages/core.en";
import { dealsEn } from "./messages/deals.en";
import { definitionsEn } from "./messages/definitions.en";
import { digestEn } from "./messages/digest.en";
import { feedbackEn } from "./messages/feedback.en";
import { importsEn } from "./messages/imports.en";
import { leadsEn } from "./messages/leads.en";
import { planEn } from "./messages/plan.en";
import { routingEn } from "./messages/routing.en";
import { scorecardEn } from "./messages/scorecard.en";
import { slaEn } from "./messages/sla.en";
import { syncEn } from "./messages/sync.en";

export const en = {
  ...attributionEn,
  ...coreEn,
  ...dealsEn,
  ...definitionsEn,
  ...digestEn,
  ...feedbackEn,
  ...importsEn,
  ...leadsEn,
  ...planEn,
  ...routingEn,
  ...scorecardEn,
  ...slaEn,
  ...syncEn,
} as const;

export type MessageKey = keyof typeof en;
