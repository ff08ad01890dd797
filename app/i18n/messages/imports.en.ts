// English: CSV import of leads, touchpoints and deals. Every key must exist in Dutch too.
export const importsEn = {
  "imports.title": "Import leads, touchpoints and deals",
  "imports.description":
    "Upload a CSV export from HubSpot, Salesforce or a spreadsheet. You choose which column fills which field, check a preview, and the import runs in the background.",

  "imports.upload.title": "Upload a CSV file",
  "imports.upload.file": "CSV file",
  "imports.upload.fileHint":
    "Separated by commas, semicolons or tabs, up to 64 MB. The first row holds the column names.",
  "imports.upload.kind": "The file contains",
  "imports.upload.kindHint":
    "Touchpoints (ad clicks, page views, downloads…) must name a lead that is already in Baton, by its external id or e-mail address. Deals (from a HubSpot deals export or a Salesforce opportunities report) name their lead the same way.",
  "imports.upload.submit": "Upload and map columns",
  "imports.upload.missingFile": "Choose a CSV file.",
  "imports.upload.kindInvalid": "Choose leads, touchpoints or deals.",
  "imports.upload.empty": "The file is empty.",
  "imports.upload.noRows": "The file has column names but no rows below them.",
  "imports.upload.invalidCsv":
    "This file could not be read as CSV. Check that it is a CSV export and that every quote is closed.",
  "imports.upload.notCsv":
    "This looks like an Excel workbook, not a CSV file. Save it as CSV (File → Save as → CSV UTF-8) and upload that.",
  "imports.upload.tooLarge":
    "The file is larger than 64 MB. Split it into smaller files and import them one after another.",
  "imports.upload.parserSaid": "The CSV reader said: {detail}",

  "imports.kind.leads": "Leads",
  "imports.kind.touchpoints": "Touchpoints",
  "imports.kind.deals": "Deals",

  "imports.rules.title": "What happens to each row",
  "imports.rules.valid": "Valid rows are imported, even when other rows in the same file are not.",
  "imports.rules.invalid":
    "Invalid rows are skipped: nothing from them is stored. Each is listed with its row number, the field and what is wrong in an error report you can download, correct and import again.",
  "imports.rules.duplicatesLeads":
    "Importing the same file again creates no duplicates. A row with an external id belongs to the lead with that external id; a row without one belongs to the lead with the same e-mail address in this workspace. Those leads count as already in Baton and are not changed.",
  "imports.rules.duplicatesTouchpoints":
    "Importing the same file again creates no duplicates: a touchpoint is recognised by its external id, or else by its lead, kind, time, URL, content, campaign, source and search term.",
  "imports.rules.duplicatesDeals":
    "Importing the same file again creates no duplicates: a row with the external id of a deal already in Baton updates that deal (amount, stage, status…). Every deal needs the CRM's id.",
  "imports.rules.dealValues":
    "Amounts are in the currency's units, such as 12500.00 or 12.500,00. Probability and gross margin are a percentage (35% or 35) or a share (0.35); in a column whose name has a % sign every number is a percentage.",
  "imports.rules.dealStatus":
    "A deal is won or lost by its status, its Won or Closed column, or a stage such as Closed Won or Closed Lost; a won or lost deal closed on its close date. Its lead moves to opportunity, won or lost.",
  "imports.rules.dealLinks":
    "A deal's lead is found by its e-mail address, external id or Baton id; a row naming a lead that is not in Baton is invalid. An owner given by e-mail address must be a member of this workspace; an owner given by name is the member with that name, or no one when no member has it.",
  "imports.rules.dates":
    "Dates without a time zone are read in the workspace's time zone ({timeZone}). Dates such as 01/03/2026 are read day first: 1 March 2026.",
  "imports.rules.companySize":
    "A company size given as a range, such as 51-200, is stored as its lower bound (51).",
  "imports.rules.rowNumbers": "Row 1 is the first row below the column names.",

  "imports.recent.title": "Recent imports",
  "imports.recent.empty": "No imports yet.",
  "imports.recent.file": "File",
  "imports.recent.kind": "Contains",
  "imports.recent.status": "Status",
  "imports.recent.rows": "Rows",
  "imports.recent.uploaded": "Uploaded",

  "imports.status.mapping": "Mapping columns",
  "imports.status.queued": "Waiting to start",
  "imports.status.running": "Importing",
  "imports.status.done": "Done",
  "imports.status.failed": "Failed",

  "imports.back": "All imports",
  "imports.mapping.title": "Map the columns of {file}",
  "imports.mapping.description":
    "{rows} rows of {kind}. Choose for each column which field it fills, or ignore it.",
  "imports.mapping.preset": "Export format",
  "imports.mapping.presetHint":
    "Detected from the column names. Applying a format maps its standard columns again.",
  "imports.mapping.applyPreset": "Apply format",
  "imports.mapping.columnsTitle": "Columns",
  "imports.mapping.column": "Column in the file",
  "imports.mapping.example": "First row",
  "imports.mapping.field": "Field in Baton",
  "imports.mapping.ignore": "Ignore this column",
  "imports.mapping.selectLabel": "Field for the column “{column}”",
  "imports.mapping.updatePreview": "Update preview",
  "imports.mapping.start": "Start import",
  "imports.mapping.startHint":
    "The import runs in the background; you can leave this page while it runs.",
  "imports.mapping.unknownColumn": "The mapping names a column that is not in the file.",
  "imports.mapping.unknownField": "Choose a field from the list for every column.",
  "imports.mapping.duplicateField":
    "Two columns fill the same field. Keep one and ignore the other.",
  "imports.mapping.needsLeadIdentity":
    "Map a column to External id or E-mail address: without either, a lead cannot be recognised.",
  "imports.mapping.needsTouchpointFields":
    "Map a column to the lead's external id or e-mail address, one to Touchpoint kind and one to Occurred at.",
  "imports.mapping.needsDealFields":
    "Map a column to External id (the CRM's deal id; in Salesforce, add Opportunity ID to the report), one to Deal name and one to Amount.",
  "imports.mapping.alreadyStarted":
    "This import has already started, so its columns can no longer be changed.",

  "imports.preset.baton": "Baton (API field names)",
  "imports.preset.hubspot": "HubSpot contacts export",
  "imports.preset.salesforce": "Salesforce leads export",
  "imports.presetDeals.baton": "Baton (API field names)",
  "imports.presetDeals.hubspot": "HubSpot deals export",
  "imports.presetDeals.salesforce": "Salesforce opportunities report",

  "imports.field.external_id": "External id",
  "imports.field.email": "E-mail address",
  "imports.field.first_name": "First name",
  "imports.field.last_name": "Last name",
  "imports.field.company": "Company",
  "imports.field.company_size": "Company size (employees)",
  "imports.field.industry": "Industry",
  "imports.field.job_title": "Job title",
  "imports.field.country": "Country",
  "imports.field.region": "Region",
  "imports.field.source": "Source",
  "imports.field.campaign": "Campaign",
  "imports.field.content": "Content",
  "imports.field.partner": "Partner",
  "imports.field.created_at": "Created at",
  "imports.field.lead_external_id": "Lead's external id",
  "imports.field.kind": "Touchpoint kind",
  "imports.field.content_type": "Content type",
  "imports.field.url": "URL",
  "imports.field.term": "Search term",
  "imports.field.occurred_at": "Occurred at",
  "imports.field.name": "Deal name",
  "imports.field.amount": "Amount",
  "imports.field.amount_cents": "Amount in cents",
  "imports.field.gross_margin": "Gross margin (% or share)",
  "imports.field.gross_margin_cents": "Gross margin in cents",
  "imports.field.stage": "Stage",
  "imports.field.probability": "Probability (% or share)",
  "imports.field.status": "Status (open, won, lost)",
  "imports.field.is_won": "Won (yes or no)",
  "imports.field.is_closed": "Closed (yes or no)",
  "imports.field.close_date": "Close date",
  "imports.field.closed_at": "Closed at",
  "imports.field.owner_email": "Owner (e-mail address or name)",
  "imports.field.contact_email": "Contact's e-mail address",
  "imports.field.lead_id": "Lead's Baton id",

  "imports.preview.title": "Preview",
  "imports.preview.description":
    "The first {count} rows as they will be stored. Invalid rows will be skipped and listed in the error report.",
  "imports.preview.row": "Row",
  "imports.preview.check": "Check",
  "imports.preview.valid": "Valid",
  "imports.preview.invalid": "Invalid",
  "imports.preview.noMapping": "No column is mapped yet.",
  "imports.preview.summary": "{valid} of the first {count} rows are valid.",

  "imports.progress.title": "Import of {file}",
  "imports.progress.description": "{rows} rows of {kind}.",
  "imports.progress.label": "Import progress",
  "imports.progress.rows": "{processed} of {total} rows processed",
  "imports.progress.queued": "Waiting for the import to start…",
  "imports.progress.running":
    "Importing in the background. You can leave this page: the import continues.",
  "imports.counts.created": "Created",
  "imports.counts.unchanged": "Already in Baton (not changed)",
  "imports.counts.updated": "Already in Baton (updated)",
  "imports.counts.errors": "Invalid rows (skipped)",
  "imports.done.title": "Import finished",
  "imports.done.summary":
    "{created} created, {unchanged} already in Baton, {errors} invalid rows skipped.",
  "imports.done.summaryDeals":
    "{created} created, {unchanged} updated, {errors} invalid rows skipped.",
  "imports.done.allValid": "Every row was valid.",
  "imports.done.download": "Download the error report (CSV)",
  "imports.done.errorsTitle": "Invalid rows",
  "imports.done.errorsHint":
    "The report holds every invalid row with its original columns. Correct them there and import the report again: rows already imported are recognised, not duplicated.",
  "imports.done.moreErrors": "The report lists all {count} invalid rows.",
  "imports.errors.problem": "Problem",
  "imports.failed.title": "The import stopped",
  "imports.failed.body":
    "Rows processed before the problem are stored; importing the file again skips them. The error was: {failure}",
  "imports.another": "Import another file",
  "imports.viewLeads": "Go to the leads",
  "imports.viewDeals": "Go to the deals",

  "imports.convert.companySize":
    "is not a number of employees: use a number such as 250 or 1,000, or a range such as 51-200",
  "imports.convert.date":
    "is not a date: use 2026-03-01, 2026-03-01 14:22 or 01/03/2026 (day first)",
  "imports.convert.amount":
    "is not an amount: use a number in the currency's units, such as 12500.00 or 12.500,00",
  "imports.convert.amountMissing":
    "is empty: every deal needs an amount; write 0 when it is not known yet",
  "imports.convert.cents": "is not a whole number of cents",
  "imports.convert.share": "is not a percentage or a share: use 35%, 35 or 0.35",
  "imports.convert.stageProbability":
    "is needed for a stage Baton does not know: give the deal's chance of winning, such as 35% or 0.35",
  "imports.convert.flag": "is not yes or no: use true or false, 1 or 0, yes or no",
  "imports.convert.dealExternalId":
    "is empty: every deal needs the CRM's id, so that importing the file again updates the deal instead of adding it twice",
  "imports.convert.closedWithoutOutcome":
    "says the deal is closed, but neither a Won column nor the stage says whether it was won or lost",
  "imports.convert.statusConflict":
    "contradicts the stage, for example a Closed Lost stage marked as won",
  "imports.row.unknownLeadId": "no lead in this workspace has this id",
  "imports.row.unknownLeadExternalId": "no lead in this workspace has this external id",
  "imports.row.unknownLeadEmail": "no lead in this workspace has this e-mail address",
} as const;
