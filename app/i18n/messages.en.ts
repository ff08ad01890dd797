// The English catalogue, the reference: one module per capability, combined here.
import { coreEn } from "./messages/core.en";

export const en = {
  ...coreEn,
} as const;

export type MessageKey = keyof typeof en;
