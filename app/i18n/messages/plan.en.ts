// English: planning (/plan): the stage-weighted forecast, the margin-weighted pipeline, the
// proactive-leads planner and the funnel planner, with their field errors.
export const planEn = {
  "plan.title": "Plan",
  "plan.description":
    "What the open pipeline is expected to bring in, month by month, and what it takes to reach a target.",
  "plan.back": "Back to Plan",
  "plan.links.proactive": "Plan my proactive leads",
  "plan.links.funnel": "Plan a funnel",

  "plan.empty.title": "No deals yet",
  "plan.empty.body":
    "The forecast is made from deals. Deals come from your CRM through POST /api/v1/deals (make an API key in Settings), or from a CSV import; as soon as there are open or won deals, the forecast appears here. The planners work without deals.",
  "plan.empty.apiKeys": "Make an API key",
  "plan.empty.deals": "Go to Deals",

  "plan.filters.rep": "Rep",
  "plan.filters.everyone": "Everyone",
  "plan.filters.source": "Source",
  "plan.filters.anySource": "Any source",
  "plan.filters.apply": "Show",
  "plan.filters.clear": "Clear filters",

  "plan.forecast.title": "Forecast by close month",
  "plan.forecast.description":
    "Open deals by the month of their expected close date, weighted by their stage's probability; won deals by the month they closed, from {from} ({timeZone}).",
  "plan.forecast.month": "Month",
  "plan.forecast.won": "Won",
  "plan.forecast.weighted": "Stage-weighted open",
  "plan.forecast.deals.one": "{count} deal",
  "plan.forecast.deals.other": "{count} deals",
  "plan.forecast.noCloseDate": "No close date",
  "plan.forecast.thisMonth": "this month",
  "plan.forecast.overdue": "overdue",
  "plan.forecast.none": "No open deals and nothing won in the last 12 months.",
  "plan.forecast.howCounted":
    "Stage-weighted: the sum of each open deal's amount times its stage's probability. Margin-weighted: the same, times the deal's gross margin; deals without a known margin are left out of it. A deal still open after its close month shows as overdue.",
  "plan.chart.label": "Won and stage-weighted open amounts per month: {values}",
  "plan.chart.month": "{month}: won {won}, weighted open {weighted}",

  "plan.pipeline.byRep": "Pipeline by rep",
  "plan.pipeline.bySource": "Pipeline by source",
  "plan.pipeline.description":
    "Open deals, their amount, weighted by stage probability, and weighted by stage probability and gross margin.",
  "plan.pipeline.rep": "Rep",
  "plan.pipeline.source": "Source",
  "plan.pipeline.openDeals": "Open deals",
  "plan.pipeline.amount": "Amount",
  "plan.pipeline.weighted": "Stage-weighted",
  "plan.pipeline.marginWeighted": "Margin-weighted",
  "plan.pipeline.withoutMargin.one": "{count} without margin",
  "plan.pipeline.withoutMargin.other": "{count} without margin",
  "plan.pipeline.total": "Total",
  "plan.pipeline.noOwner": "(no owner)",
  "plan.pipeline.noLead": "(no lead)",
  "plan.pipeline.noSource": "(no source)",
  "plan.pipeline.none": "No open deals.",

  "plan.proactive.title": "Proactive leads",
  "plan.proactive.description":
    "Work back from your revenue target to the leads you need to find yourself, beside what existing customers and marketing bring.",
  "plan.proactive.formTitle": "Your target and your numbers",
  "plan.proactive.formDescription":
    "Filled in from your own last 12 months where Baton knows them; change anything. Amounts in the workspace currency, the conversion rate as a percentage (20 for 20%).",
  "plan.proactive.fields.targetRevenue": "Revenue target ({currency})",
  "plan.proactive.fields.averageOrderValue": "Average order value ({currency})",
  "plan.proactive.fields.leadConversionRate": "Lead-to-order conversion (%)",
  "plan.proactive.fields.existingCustomerOrders": "Orders from existing customers",
  "plan.proactive.fields.marketingLeads": "Leads from marketing",
  "plan.proactive.from.targetRevenue":
    "Your won revenue over the last {months} months: the same again. Raise it to your target.",
  "plan.proactive.from.targetRevenueNone":
    "You won nothing in the last {months} months: enter your target.",
  "plan.proactive.from.aovRep":
    "Your {deals} won deals over the last {months} months, {amount} in all, on average.",
  "plan.proactive.from.aovTeam":
    "You have no won deal in the last {months} months yet: the team's average over {deals} won deals.",
  "plan.proactive.from.aovNone":
    "No deal was won in the last {months} months: enter the order value you expect.",
  "plan.proactive.from.rateRep":
    "You won {won} of the {leads} leads assigned to you over the last {months} months.",
  "plan.proactive.from.rateTeam":
    "The team's rate: {won} of {leads} leads assigned over the last {months} months were won (you had {mine} leads and no win among them yet).",
  "plan.proactive.from.rateNone":
    "No lead assigned in the last {months} months has been won yet: enter the rate you expect.",
  "plan.proactive.from.existing":
    "Your won deals without a lead over the last {months} months: a re-order from an existing customer is not a lead. Change it if you expect more or fewer.",
  "plan.proactive.from.marketing":
    "Of the {leads} leads assigned to you over the last {months} months, those from marketing sources (as typed in Settings → Sources).",
  "plan.proactive.submit": "Calculate",
  "plan.proactive.howItWorks":
    "Orders needed = target ÷ average order value. Less the orders from existing customers, the rest must come from new customers: divided by the conversion rate, that is the leads needed. Less what marketing brings, the rest you find yourself. Orders and leads are rounded up.",
  "plan.proactive.answer.title": "Your plan",
  "plan.proactive.answer.summary": "To reach {target} you need to find {leads} leads yourself.",
  "plan.proactive.answer.orders": "Orders needed",
  "plan.proactive.answer.ordersExplain": "{target} ÷ {aov}, rounded up",
  "plan.proactive.answer.newOrders": "From new customers",
  "plan.proactive.answer.newOrdersExplain": "Less {existing} from existing customers",
  "plan.proactive.answer.leads": "Leads needed",
  "plan.proactive.answer.leadsExplain": "Orders from new customers ÷ {rate}, rounded up",
  "plan.proactive.answer.proactive": "Leads to find yourself",
  "plan.proactive.answer.proactiveExplain": "Less {marketing} from marketing",
  "plan.proactive.answer.rounding":
    "Whole orders and whole leads: every figure is rounded up. The same calculation as POST /api/v1/plan/proactive.",

  "plan.funnel.title": "Funnel planner",
  "plan.funnel.description":
    "How many MQLs, SALs, SQLs and opportunities it takes to reach a number of wins, at the conversion rates you expect.",
  "plan.funnel.whose": "Whose funnel",
  "plan.funnel.team": "The whole team",
  "plan.funnel.choose": "Load actual rates",
  "plan.funnel.formTitle": "Funnel of {who}",
  "plan.funnel.formDescription":
    "Filled in with the actual conversion rates of the last {months} months (from the lead history); change any of them. Rates as percentages (20 for 20%).",
  "plan.funnel.fields.targetWins": "Wins to reach",
  "plan.funnel.fields.rate": "{from} → {to} conversion (%)",
  "plan.funnel.from.wins": "{wins} leads were won over the last {months} months.",
  "plan.funnel.from.noWins": "No lead was won in the last {months} months: enter your target.",
  "plan.funnel.from.actual":
    "{converted} of the {reached} leads that reached this stage in the last {months} months went on: {rate}.",
  "plan.funnel.from.noneConverted":
    "None of the {reached} leads that reached this stage in the last {months} months has gone on yet: enter the rate you expect.",
  "plan.funnel.from.noCohort":
    "No lead reached this stage in the last {months} months: enter the rate you expect.",
  "plan.funnel.submit": "Calculate",
  "plan.funnel.howItWorks":
    "Worked from the bottom: the wins divided by the opportunity-to-won rate are the opportunities needed, those divided by the SQL-to-opportunity rate the SQLs, and so on up to the MQLs. Each stage is rounded up to whole leads. A stage's chance of ending in a win is its own rate times every later one.",
  "plan.funnel.answer.title": "What it takes",
  "plan.funnel.answer.summary": "{wins} wins take {mqls} MQLs.",
  "plan.funnel.column.stage": "Stage",
  "plan.funnel.column.needed": "Needed",
  "plan.funnel.column.rate": "To the next stage",
  "plan.funnel.column.winProbability": "Chance of a win",
  "plan.funnel.answer.rounding":
    "Each stage is rounded up to whole leads before the next one up is worked out. The same calculation as POST /api/v1/plan/funnel.",
  "plan.funnel.stage.mql": "MQL",
  "plan.funnel.stage.sal": "SAL",
  "plan.funnel.stage.sql": "SQL",
  "plan.funnel.stage.opportunity": "Opportunity",
  "plan.funnel.stage.won": "Won",

  "plan.errors.money": "Enter an amount of 0 or more, e.g. 25000 or 25.000,50.",
  "plan.errors.moneyPositive": "Enter an amount above 0: the target is divided by it.",
  "plan.errors.moneyTooLarge": "That amount is too large.",
  "plan.errors.count": "Enter a whole number, 0 or more.",
  "plan.errors.countTooLarge": "That number is too large.",
  "plan.errors.percent": "Enter a percentage between 0 and 100, e.g. 20 or 12,5.",
  "plan.errors.percentPositive":
    "Enter a percentage above 0 (at most 100): the plan divides by it.",
  "plan.errors.overflow": "Too small for this target: the number needed is beyond counting.",
} as const;
