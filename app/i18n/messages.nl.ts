// The Dutch catalogue: typed against the English one, so a missing key does not compile.

import { attributionNl } from "./messages/attribution.nl";
import { coreNl } from "./messages/core.nl";
import { dealsNl } from "./messages/deals.nl";
import { definitionsNl } from "./messages/definitions.nl";
import { digestNl } from "./messages/digest.nl";
import { feedbackNl } from "./messages/feedback.nl";
import { importsNl } from "./messages/imports.nl";
import { leadsNl } from "./messages/leads.nl";
import { planNl } from "./messages/plan.nl";
import { routingNl } from "./messages/routing.nl";
import { scorecardNl } from "./messages/scorecard.nl";
import { slaNl } from "./messages/sla.nl";
import { syncNl } from "./messages/sync.nl";
import type { MessageKey } from "./messages.en";

export const nl: Record<MessageKey, string> = {
  ...attributionNl,
  ...coreNl,
  ...dealsNl,
  ...definitionsNl,
  ...digestNl,
  ...feedbackNl,
  ...importsNl,
  ...leadsNl,
  ...planNl,
  ...routingNl,
  ...scorecardNl,
  ...slaNl,
  ...syncNl,
};
