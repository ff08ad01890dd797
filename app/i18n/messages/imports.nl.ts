// Nederlands: CSV-import van leads, touchpoints en deals. Getypeerd tegen het Engels.
import type { importsEn } from "./imports.en";

export const importsNl: Record<keyof typeof importsEn, string> = {
  "imports.title": "Leads, touchpoints en deals importeren",
  "imports.description":
    "Upload een CSV-export uit HubSpot, Salesforce of een spreadsheet. Je kiest welke kolom welk veld vult, controleert een voorbeeld, en de import loopt op de achtergrond.",

  "imports.upload.title": "Een CSV-bestand uploaden",
  "imports.upload.file": "CSV-bestand",
  "imports.upload.fileHint":
    "Gescheiden door komma's, puntkomma's of tabs, tot 64 MB. De eerste rij bevat de kolomnamen.",
  "imports.upload.kind": "Het bestand bevat",
  "imports.upload.kindHint":
    "Touchpoints (advertentieklikken, paginabezoeken, downloads…) moeten een lead noemen die al in Baton staat, met het externe id of het e-mailadres. Deals (uit een HubSpot-export van deals of een Salesforce-rapport van opportunity's) noemen hun lead op dezelfde manier.",
  "imports.upload.submit": "Uploaden en kolommen koppelen",
  "imports.upload.missingFile": "Kies een CSV-bestand.",
  "imports.upload.kindInvalid": "Kies leads, touchpoints of deals.",
  "imports.upload.empty": "Het bestand is leeg.",
  "imports.upload.noRows": "Het bestand heeft kolomnamen, maar geen rijen daaronder.",
  "imports.upload.invalidCsv":
    "Dit bestand is niet als CSV te lezen. Controleer of het een CSV-export is en of elk aanhalingsteken wordt gesloten.",
  "imports.upload.notCsv":
    "Dit lijkt een Excel-werkmap, geen CSV-bestand. Sla het op als CSV (Bestand → Opslaan als → CSV UTF-8) en upload dat.",
  "imports.upload.tooLarge":
    "Het bestand is groter dan 64 MB. Splits het in kleinere bestanden en importeer die na elkaar.",
  "imports.upload.parserSaid": "De CSV-lezer meldde: {detail}",

  "imports.kind.leads": "Leads",
  "imports.kind.touchpoints": "Touchpoints",
  "imports.kind.deals": "Deals",

  "imports.rules.title": "Wat er met elke rij gebeurt",
  "imports.rules.valid":
    "Geldige rijen worden geïmporteerd, ook als andere rijen in hetzelfde bestand ongeldig zijn.",
  "imports.rules.invalid":
    "Ongeldige rijen worden overgeslagen: er wordt niets uit opgeslagen. Elke ongeldige rij staat met rijnummer, veld en probleem in een foutenrapport dat je kunt downloaden, verbeteren en opnieuw importeren.",
  "imports.rules.duplicatesLeads":
    "Hetzelfde bestand nog eens importeren maakt geen dubbele leads. Een rij met een extern id hoort bij de lead met dat externe id; een rij zonder extern id hoort bij de lead met hetzelfde e-mailadres in deze workspace. Die leads tellen als al in Baton en worden niet gewijzigd.",
  "imports.rules.duplicatesTouchpoints":
    "Hetzelfde bestand nog eens importeren maakt geen dubbele touchpoints: een touchpoint wordt herkend aan het externe id, of anders aan lead, soort, tijdstip, URL, content, campagne, bron en zoekterm.",
  "imports.rules.duplicatesDeals":
    "Hetzelfde bestand nog eens importeren maakt geen dubbele deals: een rij met het externe id van een deal die al in Baton staat, werkt die deal bij (bedrag, fase, status…). Elke deal heeft het id uit het CRM nodig.",
  "imports.rules.dealValues":
    "Bedragen staan in eenheden van de valuta, zoals 12500.00 of 12.500,00. Kans en brutomarge zijn een percentage (35% of 35) of een aandeel (0,35); in een kolom met een %-teken in de naam is elk getal een percentage.",
  "imports.rules.dealStatus":
    "Een deal is gewonnen of verloren door de status, de kolom Won of Closed, of een fase zoals Closed Won of Closed Lost; een gewonnen of verloren deal is gesloten op de sluitingsdatum. De lead gaat mee naar Opportunity, Gewonnen of Verloren.",
  "imports.rules.dealLinks":
    "De lead van een deal wordt gevonden aan het e-mailadres, het externe id of het Baton-id; een rij die een lead noemt die niet in Baton staat, is ongeldig. Een eigenaar met een e-mailadres moet lid zijn van deze workspace; een eigenaar met een naam is het lid met die naam, of niemand als geen lid zo heet.",
  "imports.rules.dates":
    "Datums zonder tijdzone worden gelezen in de tijdzone van de workspace ({timeZone}). Datums zoals 01/03/2026 worden met de dag eerst gelezen: 1 maart 2026.",
  "imports.rules.companySize":
    "Een bedrijfsgrootte als bereik, zoals 51-200, wordt opgeslagen als de ondergrens (51).",
  "imports.rules.rowNumbers": "Rij 1 is de eerste rij onder de kolomnamen.",

  "imports.recent.title": "Recente imports",
  "imports.recent.empty": "Nog geen imports.",
  "imports.recent.file": "Bestand",
  "imports.recent.kind": "Bevat",
  "imports.recent.status": "Status",
  "imports.recent.rows": "Rijen",
  "imports.recent.uploaded": "Geüpload",

  "imports.status.mapping": "Kolommen koppelen",
  "imports.status.queued": "Wacht op start",
  "imports.status.running": "Bezig met importeren",
  "imports.status.done": "Klaar",
  "imports.status.failed": "Mislukt",

  "imports.back": "Alle imports",
  "imports.mapping.title": "Koppel de kolommen van {file}",
  "imports.mapping.description":
    "{rows} rijen met {kind}. Kies per kolom welk veld die vult, of negeer de kolom.",
  "imports.mapping.preset": "Exportformaat",
  "imports.mapping.presetHint":
    "Herkend aan de kolomnamen. Een formaat toepassen koppelt de standaardkolommen opnieuw.",
  "imports.mapping.applyPreset": "Formaat toepassen",
  "imports.mapping.columnsTitle": "Kolommen",
  "imports.mapping.column": "Kolom in het bestand",
  "imports.mapping.example": "Eerste rij",
  "imports.mapping.field": "Veld in Baton",
  "imports.mapping.ignore": "Deze kolom negeren",
  "imports.mapping.selectLabel": "Veld voor de kolom “{column}”",
  "imports.mapping.updatePreview": "Voorbeeld bijwerken",
  "imports.mapping.start": "Import starten",
  "imports.mapping.startHint":
    "De import loopt op de achtergrond; je kunt deze pagina verlaten terwijl hij loopt.",
  "imports.mapping.unknownColumn": "De koppeling noemt een kolom die niet in het bestand staat.",
  "imports.mapping.unknownField": "Kies voor elke kolom een veld uit de lijst.",
  "imports.mapping.duplicateField":
    "Twee kolommen vullen hetzelfde veld. Houd er één en negeer de andere.",
  "imports.mapping.needsLeadIdentity":
    "Koppel een kolom aan Extern id of E-mailadres: zonder een van beide is een lead niet te herkennen.",
  "imports.mapping.needsTouchpointFields":
    "Koppel een kolom aan het externe id of e-mailadres van de lead, één aan Soort touchpoint en één aan Tijdstip.",
  "imports.mapping.needsDealFields":
    "Koppel een kolom aan Extern id (het id van de deal in het CRM; voeg in Salesforce Opportunity ID aan het rapport toe), één aan Naam van de deal en één aan Bedrag.",
  "imports.mapping.alreadyStarted":
    "Deze import is al gestart; de kolommen kun je niet meer wijzigen.",

  "imports.preset.baton": "Baton (veldnamen van de API)",
  "imports.preset.hubspot": "HubSpot-export van contactpersonen",
  "imports.preset.salesforce": "Salesforce-export van leads",
  "imports.presetDeals.baton": "Baton (veldnamen van de API)",
  "imports.presetDeals.hubspot": "HubSpot-export van deals",
  "imports.presetDeals.salesforce": "Salesforce-rapport van opportunity's",

  "imports.field.external_id": "Extern id",
  "imports.field.email": "E-mailadres",
  "imports.field.first_name": "Voornaam",
  "imports.field.last_name": "Achternaam",
  "imports.field.company": "Bedrijf",
  "imports.field.company_size": "Bedrijfsgrootte (medewerkers)",
  "imports.field.industry": "Branche",
  "imports.field.job_title": "Functie",
  "imports.field.country": "Land",
  "imports.field.region": "Regio",
  "imports.field.source": "Bron",
  "imports.field.campaign": "Campagne",
  "imports.field.content": "Content",
  "imports.field.partner": "Partner",
  "imports.field.created_at": "Aangemaakt op",
  "imports.field.lead_external_id": "Extern id van de lead",
  "imports.field.kind": "Soort touchpoint",
  "imports.field.content_type": "Soort content",
  "imports.field.url": "URL",
  "imports.field.term": "Zoekterm",
  "imports.field.occurred_at": "Tijdstip",
  "imports.field.name": "Naam van de deal",
  "imports.field.amount": "Bedrag",
  "imports.field.amount_cents": "Bedrag in centen",
  "imports.field.gross_margin": "Brutomarge (% of aandeel)",
  "imports.field.gross_margin_cents": "Brutomarge in centen",
  "imports.field.stage": "Fase",
  "imports.field.probability": "Kans (% of aandeel)",
  "imports.field.status": "Status (open, won, lost)",
  "imports.field.is_won": "Gewonnen (ja of nee)",
  "imports.field.is_closed": "Gesloten (ja of nee)",
  "imports.field.close_date": "Sluitingsdatum",
  "imports.field.closed_at": "Gesloten op",
  "imports.field.owner_email": "Eigenaar (e-mailadres of naam)",
  "imports.field.contact_email": "E-mailadres van de contactpersoon",
  "imports.field.lead_id": "Baton-id van de lead",

  "imports.preview.title": "Voorbeeld",
  "imports.preview.description":
    "De eerste {count} rijen zoals ze worden opgeslagen. Ongeldige rijen worden overgeslagen en komen in het foutenrapport.",
  "imports.preview.row": "Rij",
  "imports.preview.check": "Controle",
  "imports.preview.valid": "Geldig",
  "imports.preview.invalid": "Ongeldig",
  "imports.preview.noMapping": "Er is nog geen kolom gekoppeld.",
  "imports.preview.summary": "{valid} van de eerste {count} rijen zijn geldig.",

  "imports.progress.title": "Import van {file}",
  "imports.progress.description": "{rows} rijen met {kind}.",
  "imports.progress.label": "Voortgang van de import",
  "imports.progress.rows": "{processed} van {total} rijen verwerkt",
  "imports.progress.queued": "Wachten tot de import start…",
  "imports.progress.running":
    "Bezig met importeren op de achtergrond. Je kunt deze pagina verlaten: de import gaat door.",
  "imports.counts.created": "Aangemaakt",
  "imports.counts.unchanged": "Al in Baton (niet gewijzigd)",
  "imports.counts.updated": "Al in Baton (bijgewerkt)",
  "imports.counts.errors": "Ongeldige rijen (overgeslagen)",
  "imports.done.title": "Import klaar",
  "imports.done.summary":
    "{created} aangemaakt, {unchanged} al in Baton, {errors} ongeldige rijen overgeslagen.",
  "imports.done.summaryDeals":
    "{created} aangemaakt, {unchanged} bijgewerkt, {errors} ongeldige rijen overgeslagen.",
  "imports.done.allValid": "Alle rijen waren geldig.",
  "imports.done.download": "Foutenrapport downloaden (CSV)",
  "imports.done.errorsTitle": "Ongeldige rijen",
  "imports.done.errorsHint":
    "Het rapport bevat elke ongeldige rij met de oorspronkelijke kolommen. Verbeter ze daar en importeer het rapport opnieuw: rijen die al zijn geïmporteerd worden herkend, niet verdubbeld.",
  "imports.done.moreErrors": "Het rapport bevat alle {count} ongeldige rijen.",
  "imports.errors.problem": "Probleem",
  "imports.failed.title": "De import is gestopt",
  "imports.failed.body":
    "Rijen die vóór het probleem zijn verwerkt, zijn opgeslagen; als je het bestand opnieuw importeert, worden ze overgeslagen. De fout was: {failure}",
  "imports.another": "Nog een bestand importeren",
  "imports.viewLeads": "Naar de leads",
  "imports.viewDeals": "Naar de deals",

  "imports.convert.companySize":
    "is geen aantal medewerkers: gebruik een getal zoals 250 of 1.000, of een bereik zoals 51-200",
  "imports.convert.date":
    "is geen datum: gebruik 2026-03-01, 2026-03-01 14:22 of 01/03/2026 (dag eerst)",
  "imports.convert.amount":
    "is geen bedrag: gebruik een getal in eenheden van de valuta, zoals 12500.00 of 12.500,00",
  "imports.convert.amountMissing":
    "is leeg: elke deal heeft een bedrag nodig; vul 0 in als het nog niet bekend is",
  "imports.convert.cents": "is geen heel aantal centen",
  "imports.convert.share": "is geen percentage of aandeel: gebruik 35%, 35 of 0,35",
  "imports.convert.stageProbability":
    "is nodig voor een fase die Baton niet kent: geef de kans dat de deal gewonnen wordt, zoals 35% of 0,35",
  "imports.convert.flag": "is geen ja of nee: gebruik true of false, 1 of 0, ja of nee",
  "imports.convert.dealExternalId":
    "is leeg: elke deal heeft het id uit het CRM nodig, zodat het bestand nog eens importeren de deal bijwerkt in plaats van hem dubbel toe te voegen",
  "imports.convert.closedWithoutOutcome":
    "zegt dat de deal gesloten is, maar de kolom Won noch de fase zegt of hij gewonnen of verloren is",
  "imports.convert.statusConflict":
    "spreekt de fase tegen, bijvoorbeeld een fase Closed Lost die als gewonnen is gemarkeerd",
  "imports.row.unknownLeadId": "geen lead in deze workspace heeft dit id",
  "imports.row.unknownLeadExternalId": "geen lead in deze workspace heeft dit externe id",
  "imports.row.unknownLeadEmail": "geen lead in deze workspace heeft dit e-mailadres",
};
