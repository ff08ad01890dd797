// Leads as the API shows them: snake_case, ISO dates, the owner and the qualification result.
import type { Lead } from "../../db/schema";

export function leadToJson(lead: Lead, owner: { id: string; name: string; email: string } | null) {
  return {
    id: lead.id,
    external_id: lead.externalId,
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    company: lead.company,
    company_size: lead.companySize,
    industry: lead.industry,
    job_title: lead.jobTitle,
    country: lead.country,
    region: lead.region,
    source: lead.source,
    campaign: lead.campaign,
    content: lead.content,
    partner: lead.partner,
    status: lead.status,
    owner,
    created_at: lead.createdAt.toISOString(),
    received_at: lead.receivedAt.toISOString(),
    mql_at: lead.mqlAt?.toISOString() ?? null,
    held_back_for_incomplete_data: lead.heldBackAt !== null && lead.status === "new",
    qualification: lead.qualification
      ? {
          definition_version_id: lead.qualification.versionId,
          definition_version: lead.qualification.version,
          qualifies: lead.qualification.qualifies,
          missing_fields: lead.qualification.missingFields,
          evaluated_at: lead.qualification.evaluatedAt,
          criteria: lead.qualification.results.map((result) => ({
            path: result.path,
            type: result.criterion.type,
            criterion: result.criterion,
            passed: result.passed,
            reason: result.reason,
          })),
        }
      : null,
  };
}
