// Nederlands: accounts, navigatie, instellingen. Getypeerd tegen het Engels.
import type { coreEn } from "./core.en";

export const coreNl: Record<keyof typeof coreEn, string> = {
  "app.name": "Baton",

  "nav.label": "Hoofdmenu",
  "nav.skipToContent": "Direct naar de inhoud",
  "nav.home": "Home",
  "nav.leads": "Leads",
  "nav.definitions": "Definities",
  "nav.routing": "Routing",
  "nav.feedback": "Feedback",
  "nav.sla": "SLA",
  "nav.scorecard": "Scorecard",
  "nav.sync": "Weekoverleg",
  "nav.attribution": "Attributie",
  "nav.deals": "Deals",
  "nav.plan": "Plan",
  "nav.settings": "Instellingen",
  "nav.soon": "binnenkort",
  "nav.workspace": "Workspace",
  "nav.switch": "Wisselen",
  "nav.newWorkspace": "Nieuwe workspace",
  "nav.signOut": "Uitloggen",

  "common.save": "Opslaan",
  "common.saved": "Opgeslagen.",
  "common.cancel": "Annuleren",
  "common.checkFields": "Controleer de gemarkeerde velden.",
  "common.actions": "Acties",

  "roles.admin": "Beheerder",
  "roles.marketing": "Marketing",
  "roles.sales": "Sales",
  "roles.leadership": "Directie",

  "weekdays.monday": "Maandag",
  "weekdays.tuesday": "Dinsdag",
  "weekdays.wednesday": "Woensdag",
  "weekdays.thursday": "Donderdag",
  "weekdays.friday": "Vrijdag",
  "weekdays.saturday": "Zaterdag",
  "weekdays.sunday": "Zondag",

  "error.notFound.title": "Pagina niet gevonden",
  "error.notFound.body":
    "Deze pagina bestaat niet, of hoort bij een workspace waar je geen lid van bent.",
  "error.forbidden.title": "Geen toegang",
  "error.forbidden.body":
    "Je rol in deze workspace staat dit niet toe. Vraag het een beheerder als je dit nodig hebt.",
  "error.generic.title": "Er ging iets mis",
  "error.generic.body":
    "We konden dit verzoek niet afronden. Probeer het opnieuw; blijft het gebeuren, laat het dan je beheerder weten.",
  "error.backHome": "Terug naar home",

  "auth.email": "E-mailadres",
  "auth.workEmail": "Zakelijk e-mailadres",
  "auth.name": "Je naam",
  "auth.password": "Wachtwoord",
  "auth.passwordHint": "Minimaal {min} tekens.",
  "auth.workspaceName": "Bedrijfs- of teamnaam",
  "auth.workspaceNameHint": "Dit wordt je workspace; je kunt de naam later nog wijzigen.",
  "auth.signIn.title": "Inloggen bij Baton",
  "auth.signIn.submit": "Inloggen",
  "auth.signIn.link": "Inloggen",
  "auth.signIn.noAccount": "Nieuw bij Baton?",
  "auth.signIn.invalid": "Er is geen account met dit e-mailadres en wachtwoord.",
  "auth.signIn.rateLimited":
    "Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.",
  "auth.signUp.title": "Maak je workspace aan",
  "auth.signUp.subtitle":
    "Eén plek waar marketing en sales het eens worden over leads, opvolging en resultaten.",
  "auth.signUp.submit": "Workspace aanmaken",
  "auth.signUp.link": "Maak een workspace aan",
  "auth.signUp.haveAccount": "Heb je al een account?",

  "accounts.emailTaken": "Er bestaat al een account met dit e-mailadres. Log in met dat account.",
  "accounts.workspaceNotFound": "Deze workspace bestaat niet meer.",

  "invitations.alreadyMember": "Deze persoon is al lid van de workspace.",
  "invitations.used": "Deze uitnodiging is al gebruikt.",
  "invitations.revoked": "Deze uitnodiging is ingetrokken.",
  "invitations.expired": "Deze uitnodiging is verlopen. Vraag om een nieuwe.",
  "invitations.otherAccount": "Deze uitnodiging is voor een ander e-mailadres.",
  "invitations.signInFirst":
    "Er bestaat al een account met dit e-mailadres: log in om de uitnodiging te accepteren.",

  "invite.title": "Word lid van {workspace} op Baton",
  "invite.subtitle": "{inviter} heeft je uitgenodigd voor {workspace} als {role}.",
  "invite.someone": "Iemand",
  "invite.join": "Word lid van {workspace}",
  "invite.createAndJoin": "Account aanmaken en lid worden",
  "invite.haveAccount":
    "{email} heeft al een Baton-account. Log in om de uitnodiging te accepteren.",
  "invite.wrongAccount":
    "Deze uitnodiging is voor {email}, maar je bent ingelogd als {current}. Log uit en open de link opnieuw.",
  "invite.state.expired":
    "Deze uitnodiging is verlopen. Vraag degene die je heeft uitgenodigd om een nieuwe link.",
  "invite.state.accepted": "Deze uitnodiging is al gebruikt. Log in om verder te gaan.",
  "invite.state.revoked":
    "Deze uitnodiging is ingetrokken. Vraag een beheerder van de workspace om een nieuwe.",
  "invite.state.open": "Deze uitnodiging staat open.",

  "workspaces.new.title": "Nieuwe workspace",
  "workspaces.new.subtitle":
    "Een aparte workspace met eigen leden, leads en afspraken. Jij wordt er de beheerder van.",
  "workspaces.new.noWorkspace":
    "Je bent nog geen lid van een workspace. Maak er een aan, of vraag een collega om een uitnodiging.",
  "workspaces.new.submit": "Workspace aanmaken",

  "home.welcome": "Welkom, {name}",
  "home.subtitle": "{workspace} — één overdracht, van marketing en sales samen.",
  "home.getStarted": "Aan de slag",
  "home.remaining.one": "Nog één stap hieronder staat open.",
  "home.remaining.other": "Nog {count} stappen hieronder staan open.",
  "home.allDone": "Alles is ingericht. Leads, definities en de SLA komen hierna.",
  "home.done": "klaar",
  "home.askAdmin": "Vraag het een beheerder",
  "home.team": "Je team",
  "home.pendingInvitations": "Openstaande uitnodigingen",
  "home.steps.invite.title": "Nodig marketing en sales uit",
  "home.steps.invite.body":
    "Baton werkt als beide teams meedoen: nodig minstens één teamleider van marketing en één van sales uit.",
  "home.steps.invite.action": "Mensen uitnodigen",
  "home.steps.apiKey.title": "Maak een API-key aan",
  "home.steps.apiKey.body":
    "Je websiteformulieren, CRM of advertentieplatforms sturen leads met een key naar de API van Baton.",
  "home.steps.apiKey.action": "Key aanmaken",
  "home.steps.slack.title": "Koppel Slack",
  "home.steps.slack.body":
    "Verkopers krijgen nieuwe leads binnen enkele seconden in Slack en geven feedback zonder Slack te verlaten.",
  "home.steps.slack.action": "Zo werkt het",
  "home.steps.definitions.title": "Spreek af wat een MQL is",
  "home.steps.definitions.body":
    "Marketing en sales leggen samen één gedeelde MQL- en SQL-definitie vast en keuren die goed.",
  "home.steps.definitions.action": "Stel er een voor",
  "home.steps.leads.title": "Haal je leads binnen",
  "home.steps.leads.body":
    "Importeer een CSV-export uit HubSpot of Salesforce, of stuur leads naar de API.",
  "home.steps.leads.action": "Leads importeren",

  "settings.title": "Instellingen",
  "settings.tabs.workspace": "Workspace",
  "settings.tabs.members": "Leden",
  "settings.tabs.apiKeys": "API-keys",
  "settings.tabs.slack": "Slack",
  "settings.tabs.audit": "Auditlog",
  "settings.tabs.profile": "Profiel",
  "settings.workspace.title": "Workspace",
  "settings.workspace.description":
    "De naam die iedereen ziet, en de tijdzone waarin dagen, weken en SLA-klokken worden geteld.",
  "settings.workspace.name": "Naam",
  "settings.workspace.slug": "Korte naam",
  "settings.workspace.slugHint":
    "Wordt gebruikt op de opdrachtregel (baton apikey create --workspace …).",
  "settings.workspace.timeZone": "Tijdzone",
  "settings.workspace.timeZoneHint": "Periodes en werktijden worden in deze tijdzone geteld.",
  "settings.workspace.currency": "Valuta",
  "settings.hours.title": "Werktijden",
  "settings.hours.description":
    "SLA-klokken lopen alleen tijdens deze uren (bijvoorbeeld: eerste contact binnen 4 werkuren).",
  "settings.hours.from": "van",
  "settings.hours.to": "tot",

  "members.title": "Leden",
  "members.count.one": "{count} persoon in deze workspace.",
  "members.count.other": "{count} personen in deze workspace.",
  "members.you": "jij",
  "members.role": "Rol",
  "members.roleOf": "Rol van {name}",
  "members.teamLead": "Teamleider",
  "members.invite.title": "Nodig een collega uit",
  "members.invite.description":
    "Je krijgt een link om door te sturen; die werkt één keer en blijft zeven dagen geldig. Teamleiders keuren definities en de SLA goed voor hun team.",
  "members.invite.submit": "Uitnodiging aanmaken",
  "members.invite.created": "Uitnodiging voor {email} aangemaakt.",
  "members.invite.copyOnce":
    "Kopieer deze link en stuur hem nu door: hij wordt maar één keer getoond.",
  "members.invite.link": "Uitnodigingslink",
  "members.pending.title": "Openstaande uitnodigingen",
  "members.pending.expires": "verloopt op {date}",
  "members.pending.revoke": "Intrekken",
  "members.remove.button": "Verwijderen",
  "members.remove.title": "{name} verwijderen?",
  "members.remove.description":
    "Deze persoon verliest direct de toegang tot deze workspace. Eerdere acties blijven in de geschiedenis staan.",
  "members.remove.confirm": "Lid verwijderen",
  "members.lastAdmin":
    "Een workspace heeft minstens één beheerder nodig: maak eerst iemand anders beheerder.",

  "apiKeys.create.title": "Maak een API-key aan",
  "apiKeys.create.description":
    "Integraties sturen leads, touchpoints, activiteiten en deals naar {url} met de header Authorization: Bearer <key>.",
  "apiKeys.create.submit": "Key aanmaken",
  "apiKeys.name": "Naam",
  "apiKeys.namePlaceholder": "bijv. Websiteformulieren, HubSpot-sync",
  "apiKeys.created":
    'Key "{name}" aangemaakt. Kopieer hem nu: hij wordt maar één keer getoond en alleen als hash opgeslagen.',
  "apiKeys.theKey": "De nieuwe API-key",
  "apiKeys.list.title": "Keys",
  "apiKeys.empty": "Nog geen API-keys. Maak er een aan om je website of CRM te koppelen.",
  "apiKeys.prefix": "Begint met",
  "apiKeys.createdAt": "Aangemaakt",
  "apiKeys.lastUsed": "Laatst gebruikt",
  "apiKeys.never": "Nooit",
  "apiKeys.revoked": "Ingetrokken",
  "apiKeys.revoke.button": "Intrekken",
  "apiKeys.revoke.title": '"{name}" intrekken?',
  "apiKeys.revoke.description":
    "Verzoeken met deze key worden vanaf nu geweigerd. Dit kan niet ongedaan worden gemaakt.",
  "apiKeys.revoke.confirm": "Key intrekken",

  "slack.status.title": "Slack",
  "slack.status.off": "Uit",
  "slack.status.connected": "Gekoppeld",
  "slack.status.unreachable": "Niet bereikbaar",
  "slack.status.offBody":
    "Slack staat uit op deze server: SLACK_SIGNING_SECRET en SLACK_BOT_TOKEN zijn niet ingesteld. Al het andere werkt; verkopers krijgen alleen nog geen leads in Slack.",
  "slack.status.connectedBody": "Gekoppeld aan de Slack-workspace {team} als @{bot}.",
  "slack.status.unreachableBody":
    "De Slack-gegevens zijn ingesteld, maar de API van Slack reageerde niet: {error}. Baton blijft draaien en probeert het opnieuw.",
  "slack.status.notCheckedYet": "nog niet gecontroleerd",
  "slack.connect.title": "Koppel Slack",
  "slack.connect.description":
    "Dit duurt een paar minuten, met het app-manifest dat bij Baton wordt meegeleverd (slack/manifest.json).",
  "slack.connect.step1":
    "Kies op api.slack.com/apps voor Create New App → From a manifest en plak slack/manifest.json.",
  "slack.connect.step2": "Vervang de voorbeeld-URL's in het manifest door {url}.",
  "slack.connect.step3":
    "Installeer de app in je Slack-workspace en kopieer het Bot User OAuth Token en het Signing Secret.",
  "slack.connect.step4":
    "Stel SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET in voor de Baton-server en herstart die.",
  "slack.workspace.title": "Deze workspace in Slack",
  "slack.workspace.connected":
    "Verbonden met het Slack-team {team}: verzoeken van de leden werken op deze workspace, en nieuwe MQL's gaan in Slack naar hun eigenaar.",
  "slack.workspace.notConnected":
    "Nog niet verbonden. Tot dan negeert Baton verzoeken uit Slack voor deze workspace en stuurt het geen leadberichten.",
  "slack.workspace.connect": "Verbinden met {team}",
  "slack.workspace.disconnect": "Verbinding verbreken",
  "slack.workspace.otherWorkspace":
    "Het Slack-team is verbonden met een andere Baton-workspace. Verbreek die verbinding daar eerst.",
  "slack.workspace.needsSlack":
    "Slack moet aan staan en bereikbaar zijn voordat je een workspace kunt verbinden.",
  "slack.links.title": "Leden in Slack",
  "slack.links.description":
    "Gevonden op e-mailadres zodra iemand Baton voor het eerst in Slack gebruikt. Vul met de hand een Slack-lid-id (U…) in als de adressen verschillen.",
  "slack.links.notLinked": "Niet gekoppeld",
  "slack.links.byEmail": "gevonden op e-mail",
  "slack.links.manual": "met de hand ingesteld",
  "slack.links.slackId": "Slack-lid-id van {name}",
  "slack.links.save": "Koppelen",
  "slack.links.unlink": "Ontkoppelen",
  "slack.links.linkAll": "Iedereen op e-mail zoeken",
  "slack.links.found.one": "{count} lid op e-mail gekoppeld.",
  "slack.links.found.other": "{count} leden op e-mail gekoppeld.",
  "slack.links.invalidId": "Een Slack-lid-id ziet eruit als U0123ABCD.",
  "slack.links.taken": "Dat Slack-lid is hier al aan iemand anders gekoppeld.",
  "slack.connect.requestUrl": "Request URL voor events, commando's en interactiviteit:",

  "audit.title": "Auditlog",
  "audit.description":
    "Elke wijziging in leden, uitnodigingen, API-keys en instellingen, nieuwste eerst.",
  "audit.empty": "Er is nog niets gebeurd.",
  "audit.older": "Oudere items",
  "audit.system": "Systeem",
  "audit.actions.workspace.created": "Workspace aangemaakt",
  "audit.actions.workspace.settings_changed": "Workspace-instellingen gewijzigd",
  "audit.actions.member.role_changed": "Rol van lid gewijzigd",
  "audit.actions.member.removed": "Lid verwijderd",
  "audit.actions.invitation.created": "Uitnodiging aangemaakt",
  "audit.actions.invitation.revoked": "Uitnodiging ingetrokken",
  "audit.actions.invitation.accepted": "Uitnodiging geaccepteerd",
  "audit.actions.api_key.created": "API-key aangemaakt",
  "audit.actions.api_key.revoked": "API-key ingetrokken",

  "profile.title": "Je profiel",
  "profile.language": "Taal",
  "profile.languageBrowser": "Zoals mijn browser",

  "validation.email.required": "Vul een e-mailadres in.",
  "validation.email.invalid": "Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.",
  "validation.password.required": "Vul een wachtwoord in.",
  "validation.password.tooShort": "Gebruik minimaal 10 tekens voor het wachtwoord.",
  "validation.password.tooLong": "Gebruik maximaal 256 tekens voor het wachtwoord.",
  "validation.name.required": "Vul een naam in.",
  "validation.name.tooLong": "Gebruik maximaal 120 tekens voor de naam.",
  "validation.workspaceName.required": "Vul een naam voor de workspace in.",
  "validation.workspaceName.tooLong": "Gebruik maximaal 120 tekens voor de naam van de workspace.",
  "validation.role.invalid": "Kies een rol: beheerder, marketing, sales of directie.",
  "validation.timeZone.invalid": "Kies een tijdzone uit de lijst, zoals Europe/Amsterdam.",
  "validation.businessHours.time": "Vul tijden in als HH:MM, zoals 09:00.",
  "validation.businessHours.order": "De eindtijd moet na de begintijd liggen.",
  "validation.businessHours.noDays": "Kies minstens één werkdag per week.",
  "validation.apiKeyName.required":
    "Geef de key een naam, zodat je later weet waarvoor hij wordt gebruikt.",
  "validation.apiKeyName.tooLong": "Gebruik maximaal 80 tekens voor de naam.",
  "validation.id.invalid": "Dit item bestaat niet.",
  "validation.intent.invalid": "Onbekende actie.",
  "validation.locale.invalid": "Kies een taal uit de lijst.",
};
