// The two-way SLA: agreement versions, clocks, breaches, escalation and the leadership digest.
export const slaEn = {
  "sla.errors.share": "Enter a share between 0 and 100%.",
  "sla.errors.hours": "Enter a number of hours above 0 and at most 400.",
  "sla.errors.whole": "Enter a whole number, 0 or more.",
  "sla.errors.tooLarge": "That number is too large.",
  "sla.errors.atLeastOne": "Enter at least 1.",
  "sla.errors.repeat": "Enter at least 2 (the first breach goes to the owner).",
  "sla.errors.window": "Enter at least 7 days.",
  "sla.errors.segmentName": "Give the segment a name.",
  "sla.errors.segmentConditions": "A segment needs at least one condition.",
  "sla.errors.tooManySegments": "At most 10 segments.",
  "sla.errors.segmentNamesUnique": "Two segments have the same name.",
  "sla.errors.notDraft": "Only a draft can be changed or proposed.",
  "sla.errors.cannotWithdraw": "Only a draft or a proposal can be withdrawn.",
  "sla.errors.notProposed": "Only a proposed version can be approved.",
  "sla.errors.alreadyApproved": "Your team has already approved this version.",
  "sla.errors.notTeamLead":
    "Only a marketing team lead and a sales team lead can approve an SLA agreement.",
} as const;
