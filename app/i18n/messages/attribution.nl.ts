// Nederlands: closed-loop-attributie, de modellen en het verhaal van een deal.
import type { attributionEn } from "./attribution.en";

export const attributionNl: Record<keyof typeof attributionEn, string> = {
  "attribution.title": "Attributie",
  "attribution.description":
    "Welke bronnen, campagnes en content de MQL's, SQL's, pijplijn, omzet en brutowinst van een periode in gang zetten — volgens het model dat je kiest.",
  "attribution.form": "Periode en model",
  "attribution.model": "Model",
  "attribution.from": "Van",
  "attribution.to": "Tot (niet inbegrepen)",
  "attribution.show": "Tonen",
  "attribution.by": "Toekennen per",
  "attribution.dimension.source": "Bron",
  "attribution.dimension.campaign": "Campagne",
  "attribution.dimension.content": "Content",
  "attribution.totals": "{mqls} MQL's · {sqls} SQL's · {pipeline} pijplijn · {won} gewonnen",
  "attribution.empty":
    "Niets toe te kennen in deze periode: geen MQL's, SQL's of deals. Deals komen uit je CRM via POST /api/v1/deals.",
  "attribution.none": "(niet vastgelegd)",
  "attribution.column.pipeline": "Pijplijn",
  "attribution.column.won": "Gewonnen omzet",
  "attribution.column.grossProfit": "Brutowinst",
  "attribution.column.cost": "Kosten",
  "attribution.column.costPerSql": "Kosten per SQL",
  "attribution.column.roi": "ROI",
  "attribution.compare": "Gewonnen omzet per bron, elk model",
  "attribution.compareDescription":
    "Dezelfde deals toegekend door elk model: waar ze het eens zijn, hangt het antwoord niet van het model af.",
  "attribution.markovLearning":
    "Datagedreven (Markov) leert zijn keten uit de klantreizen van elke lead met contact in het jaar voor het einde van de periode; de kolom volgt zodra die klaar is.",
  "attribution.markovLearningReport":
    "De datagedreven (Markov) keten wordt geleerd uit de klantreizen van elke lead met contact in het jaar voor het einde van de periode. Op een grote werkruimte duurt dat de eerste keer voor een periode enkele seconden; het rapport verschijnt hier zodra het klaar is.",
  "attribution.markovFailed":
    "De datagedreven (Markov) keten kon niet worden geleerd. Laad de pagina opnieuw om het nog eens te proberen; de andere modellen zijn niet geraakt.",
  "attribution.markovChain.one":
    "Datagedreven (Markov) leerde zijn keten uit {journeys} klantreis (de leads met contact in het jaar voor het einde van de periode) op {at}; een keten die seconden kost om te leren wordt bewaard en elk uur opnieuw geleerd.",
  "attribution.markovChain.other":
    "Datagedreven (Markov) leerde zijn keten uit {journeys} klantreizen (de leads met contact in het jaar voor het einde van de periode) op {at}; een keten die seconden kost om te leren wordt bewaard en elk uur opnieuw geleerd.",
  "attribution.models.first_touch": "Eerste contact",
  "attribution.models.last_touch": "Laatste contact",
  "attribution.models.linear": "Lineair",
  "attribution.models.position_based": "Positie (U-vorm)",
  "attribution.models.w_shaped": "W-vorm",
  "attribution.models.time_decay": "Tijdsverval",
  "attribution.models.markov": "Datagedreven (Markov)",
  "attribution.explain.first_touch": "Alles naar het eerste contact van elke klantreis.",
  "attribution.explain.last_touch": "Alles naar het laatste contact voor de conversie.",
  "attribution.explain.linear": "Elk contact van de klantreis krijgt evenveel.",
  "attribution.explain.position_based":
    "40% naar het eerste contact, 40% naar het laatste, 20% verdeeld over de contacten ertussen (bij twee contacten elk de helft).",
  "attribution.explain.w_shaped":
    "30% elk naar het eerste contact, het contact waarop de lead ontstond en het laatste contact; 10% verdeeld over de rest.",
  "attribution.explain.time_decay":
    "Contacten dichter bij de conversie tellen zwaarder: het gewicht van een contact halveert elke 7 dagen (de halfwaardetijd).",
  "attribution.explain.markov":
    "Datagedreven: het verwijderingseffect van elk kanaal in een Markov-keten van alle klantreizen van het afgelopen jaar, met of zonder conversie.",
  "deals.story.title": "Het verhaal van deze deal",
  "deals.story.began": "Deze deal van {amount} begon met {first} op {date}",
  "deals.story.then": ", daarna {touches}",
  "deals.story.closed": ", en sloot na {duration} en {conversations} gesprekken.",
  "deals.story.open": "; hij staat nog open na {duration} en {conversations} gesprekken.",
  "deals.story.days": "{count} dagen",
  "deals.story.months": "{count} maanden",
  "deals.story.credit": "Toegekend volgens {model}",
  "deals.story.touch.ad_click": "een klik op een advertentie van {source}",
  "deals.story.touch.search_term": "een zoekopdracht naar “{term}”",
  "deals.story.touch.page_view": "een bezoek aan de website",
  "deals.story.touch.content_download": "een download van {content}",
  "deals.story.touch.form": "een ingevuld formulier",
  "deals.story.touch.webinar": "het webinar {content}",
  "deals.story.touch.event": "een ontmoeting op {campaign}",
  "deals.story.touch.email_click": "een klik in de e-mail {campaign}",
  "deals.story.touch.partner_referral": "een doorverwijzing door {source}",
  "deals.story.touch.lead": "binnenkomst via {source}",
};
