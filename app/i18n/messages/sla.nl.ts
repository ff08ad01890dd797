// Nederlands: de wederzijdse SLA. Getypeerd tegen het Engels.
import type { slaEn } from "./sla.en";

export const slaNl: Record<keyof typeof slaEn, string> = {
  "sla.errors.share": "Vul een aandeel tussen 0 en 100% in.",
  "sla.errors.hours": "Vul een aantal uren boven 0 en hoogstens 400 in.",
  "sla.errors.whole": "Vul een heel getal in, 0 of meer.",
  "sla.errors.tooLarge": "Dat getal is te groot.",
  "sla.errors.atLeastOne": "Vul minstens 1 in.",
  "sla.errors.repeat": "Vul minstens 2 in (de eerste overschrijding gaat naar de eigenaar).",
  "sla.errors.window": "Vul minstens 7 dagen in.",
  "sla.errors.segmentName": "Geef het segment een naam.",
  "sla.errors.segmentConditions": "Een segment heeft minstens één voorwaarde nodig.",
  "sla.errors.tooManySegments": "Hoogstens 10 segmenten.",
  "sla.errors.segmentNamesUnique": "Twee segmenten hebben dezelfde naam.",
  "sla.errors.notDraft": "Alleen een concept kan worden gewijzigd of voorgesteld.",
  "sla.errors.cannotWithdraw": "Alleen een concept of voorstel kan worden ingetrokken.",
  "sla.errors.notProposed": "Alleen een voorgestelde versie kan worden goedgekeurd.",
  "sla.errors.alreadyApproved": "Je team heeft deze versie al goedgekeurd.",
  "sla.errors.notTeamLead":
    "Alleen een teamlead van marketing en een teamlead van sales kunnen een SLA-afspraak goedkeuren.",
};
