// Closed-loop attribution: the report, the models, and a deal's story.
export const attributionEn = {
  "attribution.title": "Attribution",
  "attribution.description":
    "Which sources, campaigns and content started the MQLs, SQLs, pipeline, revenue and gross profit of a period — under the model you choose.",
  "attribution.form": "Period and model",
  "attribution.model": "Model",
  "attribution.from": "From",
  "attribution.to": "Until (not included)",
  "attribution.show": "Show",
  "attribution.by": "Credit by",
  "attribution.dimension.source": "Source",
  "attribution.dimension.campaign": "Campaign",
  "attribution.dimension.content": "Content",
  "attribution.totals": "{mqls} MQLs · {sqls} SQLs · {pipeline} pipeline · {won} won",
  "attribution.empty":
    "Nothing to credit in this period: no MQLs, SQLs or deals. Deals come from your CRM through POST /api/v1/deals.",
  "attribution.none": "(not recorded)",
  "attribution.column.pipeline": "Pipeline",
  "attribution.column.won": "Won revenue",
  "attribution.column.grossProfit": "Gross profit",
  "attribution.column.cost": "Cost",
  "attribution.column.costPerSql": "Cost per SQL",
  "attribution.column.roi": "ROI",
  "attribution.compare": "Won revenue per source, every model",
  "attribution.compareDescription":
    "The same deals credited by each model: where they agree, the answer does not depend on the model.",
  "attribution.markovLearning":
    "Data-driven (Markov) is learning its chain from the journeys of every lead touched in the year before the period ends; its column follows when it is ready.",
  "attribution.markovLearningReport":
    "Learning the data-driven (Markov) chain from the journeys of every lead touched in the year before the period ends. On a large workspace this takes a few seconds the first time for a period; the report appears here when it is ready.",
  "attribution.markovFailed":
    "The data-driven (Markov) chain could not be learnt. Reload the page to try again; the other models are not affected.",
  "attribution.markovChain.one":
    "Data-driven (Markov) learnt its chain from {journeys} journey (the leads touched in the year before the period ends) on {at}; a chain that takes seconds to learn is kept and learnt again every hour.",
  "attribution.markovChain.other":
    "Data-driven (Markov) learnt its chain from {journeys} journeys (the leads touched in the year before the period ends) on {at}; a chain that takes seconds to learn is kept and learnt again every hour.",
  "attribution.models.first_touch": "First touch",
  "attribution.models.last_touch": "Last touch",
  "attribution.models.linear": "Linear",
  "attribution.models.position_based": "Position-based (U)",
  "attribution.models.w_shaped": "W-shaped",
  "attribution.models.time_decay": "Time decay",
  "attribution.models.markov": "Data-driven (Markov)",
  "attribution.explain.first_touch": "All credit to the first touch of each journey.",
  "attribution.explain.last_touch": "All credit to the last touch before the conversion.",
  "attribution.explain.linear": "Equal credit to every touch of the journey.",
  "attribution.explain.position_based":
    "40% to the first touch, 40% to the last, 20% shared by the touches between (half each with two touches).",
  "attribution.explain.w_shaped":
    "30% each to the first touch, the touch that created the lead and the last touch; 10% shared by the others.",
  "attribution.explain.time_decay":
    "Touches closer to the conversion count more: a touch's weight halves every 7 days (the half-life).",
  "attribution.explain.markov":
    "Data-driven: each channel's removal effect in a Markov chain of every journey of the last year, converting or not.",
  "deals.story.title": "The story of this deal",
  "deals.story.began": "This {amount} deal began with {first} on {date}",
  "deals.story.then": ", then {touches}",
  "deals.story.closed": ", and closed after {duration} and {conversations} conversations.",
  "deals.story.open": "; it is still open after {duration} and {conversations} conversations.",
  "deals.story.days": "{count} days",
  "deals.story.months": "{count} months",
  "deals.story.credit": "Credit under {model}",
  "deals.story.touch.ad_click": "a click on a {source} ad",
  "deals.story.touch.search_term": "a search for “{term}”",
  "deals.story.touch.page_view": "a visit to the website",
  "deals.story.touch.content_download": "a download of {content}",
  "deals.story.touch.form": "a form filled in",
  "deals.story.touch.webinar": "the webinar {content}",
  "deals.story.touch.event": "meeting at {campaign}",
  "deals.story.touch.email_click": "a click in the e-mail {campaign}",
  "deals.story.touch.partner_referral": "a referral by {source}",
  "deals.story.touch.lead": "arriving from {source}",
} as const;
