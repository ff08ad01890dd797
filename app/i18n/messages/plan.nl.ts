// Nederlands: planning (/plan): de naar fase gewogen prognose, de naar marge gewogen pijplijn, de
// planner voor proactieve leads en de trechterplanner, met hun veldfouten. Getypeerd tegen het Engels.
import type { planEn } from "./plan.en";

export const planNl: Record<keyof typeof planEn, string> = {
  "plan.title": "Planning",
  "plan.description":
    "Wat de open pijplijn naar verwachting per maand oplevert, en wat er nodig is om een doel te halen.",
  "plan.back": "Terug naar Planning",
  "plan.links.proactive": "Mijn proactieve leads plannen",
  "plan.links.funnel": "Een trechter plannen",

  "plan.empty.title": "Nog geen deals",
  "plan.empty.body":
    "De prognose wordt gemaakt uit deals. Deals komen uit je CRM via POST /api/v1/deals (maak een API-sleutel in Instellingen) of uit een CSV-import; zodra er open of gewonnen deals zijn, verschijnt de prognose hier. De planners werken ook zonder deals.",
  "plan.empty.apiKeys": "API-sleutel maken",
  "plan.empty.deals": "Naar Deals",

  "plan.filters.rep": "Verkoper",
  "plan.filters.everyone": "Iedereen",
  "plan.filters.source": "Bron",
  "plan.filters.anySource": "Elke bron",
  "plan.filters.apply": "Tonen",
  "plan.filters.clear": "Filters wissen",

  "plan.forecast.title": "Prognose per sluitingsmaand",
  "plan.forecast.description":
    "Open deals per maand van hun verwachte sluitingsdatum, gewogen met de kans van hun fase; gewonnen deals per maand waarin ze sloten, vanaf {from} ({timeZone}).",
  "plan.forecast.month": "Maand",
  "plan.forecast.won": "Gewonnen",
  "plan.forecast.weighted": "Open, gewogen naar fase",
  "plan.forecast.deals.one": "{count} deal",
  "plan.forecast.deals.other": "{count} deals",
  "plan.forecast.noCloseDate": "Geen sluitingsdatum",
  "plan.forecast.thisMonth": "deze maand",
  "plan.forecast.overdue": "over datum",
  "plan.forecast.none": "Geen open deals en niets gewonnen in de afgelopen 12 maanden.",
  "plan.forecast.howCounted":
    "Gewogen naar fase: de som van het bedrag van elke open deal maal de kans van zijn fase. Gewogen naar marge: hetzelfde, maal de brutomarge van de deal; deals zonder bekende marge tellen daarin niet mee. Een deal die na zijn sluitingsmaand nog open staat, staat als over datum.",
  "plan.chart.label": "Gewonnen en naar fase gewogen open bedragen per maand: {values}",
  "plan.chart.month": "{month}: gewonnen {won}, gewogen open {weighted}",

  "plan.pipeline.byRep": "Pijplijn per verkoper",
  "plan.pipeline.bySource": "Pijplijn per bron",
  "plan.pipeline.description":
    "Open deals, hun bedrag, gewogen naar de kans van de fase, en gewogen naar die kans en de brutomarge.",
  "plan.pipeline.rep": "Verkoper",
  "plan.pipeline.source": "Bron",
  "plan.pipeline.openDeals": "Open deals",
  "plan.pipeline.amount": "Bedrag",
  "plan.pipeline.weighted": "Gewogen naar fase",
  "plan.pipeline.marginWeighted": "Gewogen naar marge",
  "plan.pipeline.withoutMargin.one": "{count} zonder marge",
  "plan.pipeline.withoutMargin.other": "{count} zonder marge",
  "plan.pipeline.total": "Totaal",
  "plan.pipeline.noOwner": "(geen eigenaar)",
  "plan.pipeline.noLead": "(geen lead)",
  "plan.pipeline.noSource": "(geen bron)",
  "plan.pipeline.none": "Geen open deals.",

  "plan.proactive.title": "Proactieve leads",
  "plan.proactive.description":
    "Reken terug van je omzetdoel naar de leads die je zelf moet vinden, naast wat bestaande klanten en marketing opleveren.",
  "plan.proactive.formTitle": "Je doel en je cijfers",
  "plan.proactive.formDescription":
    "Ingevuld uit je eigen afgelopen 12 maanden waar Baton die kent; pas alles aan wat je wilt. Bedragen in de valuta van de workspace, de conversie als percentage (20 voor 20%).",
  "plan.proactive.fields.targetRevenue": "Omzetdoel ({currency})",
  "plan.proactive.fields.averageOrderValue": "Gemiddelde orderwaarde ({currency})",
  "plan.proactive.fields.leadConversionRate": "Conversie van lead naar order (%)",
  "plan.proactive.fields.existingCustomerOrders": "Orders van bestaande klanten",
  "plan.proactive.fields.marketingLeads": "Leads van marketing",
  "plan.proactive.from.targetRevenue":
    "Je gewonnen omzet over de afgelopen {months} maanden: nog eens hetzelfde. Verhoog het tot je doel.",
  "plan.proactive.from.targetRevenueNone":
    "Je hebt in de afgelopen {months} maanden niets gewonnen: vul je doel in.",
  "plan.proactive.from.aovRep":
    "Het gemiddelde van je {deals} gewonnen deals over de afgelopen {months} maanden, samen {amount}.",
  "plan.proactive.from.aovTeam":
    "Je hebt in de afgelopen {months} maanden nog geen deal gewonnen: het gemiddelde van het team over {deals} gewonnen deals.",
  "plan.proactive.from.aovNone":
    "In de afgelopen {months} maanden is geen deal gewonnen: vul de orderwaarde in die je verwacht.",
  "plan.proactive.from.rateRep":
    "Je won {won} van de {leads} leads die je in de afgelopen {months} maanden toegewezen kreeg.",
  "plan.proactive.from.rateTeam":
    "De conversie van het team: {won} van de {leads} leads die in de afgelopen {months} maanden zijn toegewezen, zijn gewonnen (jij had {mine} leads en daaronder nog geen winst).",
  "plan.proactive.from.rateNone":
    "Van de leads die in de afgelopen {months} maanden zijn toegewezen, is er nog geen gewonnen: vul de conversie in die je verwacht.",
  "plan.proactive.from.existing":
    "Je gewonnen deals zonder lead over de afgelopen {months} maanden: een nabestelling van een bestaande klant is geen lead. Pas het aan als je er meer of minder verwacht.",
  "plan.proactive.from.marketing":
    "Van de {leads} leads die je in de afgelopen {months} maanden toegewezen kreeg, die uit marketingbronnen (zoals ingesteld bij Instellingen → Bronnen).",
  "plan.proactive.submit": "Berekenen",
  "plan.proactive.howItWorks":
    "Benodigde orders = doel ÷ gemiddelde orderwaarde. Min de orders van bestaande klanten moet de rest van nieuwe klanten komen: gedeeld door de conversie zijn dat de benodigde leads. Min wat marketing levert, vind je de rest zelf. Orders en leads worden naar boven afgerond.",
  "plan.proactive.answer.title": "Je plan",
  "plan.proactive.answer.summary": "Om {target} te halen moet je zelf {leads} leads vinden.",
  "plan.proactive.answer.orders": "Benodigde orders",
  "plan.proactive.answer.ordersExplain": "{target} ÷ {aov}, naar boven afgerond",
  "plan.proactive.answer.newOrders": "Van nieuwe klanten",
  "plan.proactive.answer.newOrdersExplain": "Min {existing} van bestaande klanten",
  "plan.proactive.answer.leads": "Benodigde leads",
  "plan.proactive.answer.leadsExplain": "Orders van nieuwe klanten ÷ {rate}, naar boven afgerond",
  "plan.proactive.answer.proactive": "Zelf te vinden leads",
  "plan.proactive.answer.proactiveExplain": "Min {marketing} van marketing",
  "plan.proactive.answer.rounding":
    "Hele orders en hele leads: elk getal wordt naar boven afgerond. Dezelfde berekening als POST /api/v1/plan/proactive.",

  "plan.funnel.title": "Trechterplanner",
  "plan.funnel.description":
    "Hoeveel MQL's, SAL's, SQL's en opportunities er nodig zijn voor een aantal gewonnen deals, bij de conversie die je verwacht.",
  "plan.funnel.whose": "Wiens trechter",
  "plan.funnel.team": "Het hele team",
  "plan.funnel.choose": "Werkelijke conversie laden",
  "plan.funnel.formTitle": "Trechter van {who}",
  "plan.funnel.formDescription":
    "Ingevuld met de werkelijke conversie van de afgelopen {months} maanden (uit de leadgeschiedenis); pas aan wat je wilt. Conversie als percentage (20 voor 20%).",
  "plan.funnel.fields.targetWins": "Te winnen deals",
  "plan.funnel.fields.rate": "Conversie {from} → {to} (%)",
  "plan.funnel.from.wins": "In de afgelopen {months} maanden zijn {wins} leads gewonnen.",
  "plan.funnel.from.noWins":
    "In de afgelopen {months} maanden is geen lead gewonnen: vul je doel in.",
  "plan.funnel.from.actual":
    "{converted} van de {reached} leads die deze fase in de afgelopen {months} maanden bereikten, gingen door: {rate}.",
  "plan.funnel.from.noneConverted":
    "Van de {reached} leads die deze fase in de afgelopen {months} maanden bereikten, is er nog geen doorgegaan: vul de conversie in die je verwacht.",
  "plan.funnel.from.noCohort":
    "Geen lead bereikte deze fase in de afgelopen {months} maanden: vul de conversie in die je verwacht.",
  "plan.funnel.submit": "Berekenen",
  "plan.funnel.howItWorks":
    "Van onderen af gerekend: het aantal gewonnen deals gedeeld door de conversie van opportunity naar gewonnen is het aantal benodigde opportunities, dat gedeeld door de conversie van SQL naar opportunity het aantal SQL's, en zo verder tot de MQL's. Elke fase wordt naar boven afgerond op hele leads. De kans dat een fase in winst eindigt, is haar eigen conversie maal die van alle latere fases.",
  "plan.funnel.answer.title": "Wat er nodig is",
  "plan.funnel.answer.summary": "Voor {wins} gewonnen deals zijn {mqls} MQL's nodig.",
  "plan.funnel.column.stage": "Fase",
  "plan.funnel.column.needed": "Nodig",
  "plan.funnel.column.rate": "Naar de volgende fase",
  "plan.funnel.column.winProbability": "Kans op winst",
  "plan.funnel.answer.rounding":
    "Elke fase wordt naar boven afgerond op hele leads voordat de fase erboven wordt berekend. Dezelfde berekening als POST /api/v1/plan/funnel.",
  "plan.funnel.stage.mql": "MQL",
  "plan.funnel.stage.sal": "SAL",
  "plan.funnel.stage.sql": "SQL",
  "plan.funnel.stage.opportunity": "Opportunity",
  "plan.funnel.stage.won": "Gewonnen",

  "plan.errors.money": "Vul een bedrag van 0 of meer in, bijvoorbeeld 25000 of 25.000,50.",
  "plan.errors.moneyPositive": "Vul een bedrag boven 0 in: het doel wordt erdoor gedeeld.",
  "plan.errors.moneyTooLarge": "Dat bedrag is te groot.",
  "plan.errors.count": "Vul een heel getal in, 0 of meer.",
  "plan.errors.countTooLarge": "Dat getal is te groot.",
  "plan.errors.percent": "Vul een percentage tussen 0 en 100 in, bijvoorbeeld 20 of 12,5.",
  "plan.errors.percentPositive":
    "Vul een percentage boven 0 in (hoogstens 100): het plan deelt erdoor.",
  "plan.errors.overflow": "Te klein voor dit doel: het benodigde aantal is niet meer te tellen.",
};
