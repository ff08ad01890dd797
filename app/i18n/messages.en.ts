// The English catalogue, the reference: one module per capability, combined here.
import { coreEn } from "./messages/core.en";
import { definitionsEn } from "./messages/definitions.en";
import { importsEn } from "./messages/imports.en";
import { leadsEn } from "./messages/leads.en";

export const en = {
  ...coreEn,
  ...definitionsEn,
  ...importsEn,
  ...leadsEn,
} as const;

export type MessageKey = keyof typeof en;
