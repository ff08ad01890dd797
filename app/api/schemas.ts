// Response shapes of the JSON API; the OpenAPI document is generated from these.
import { z } from "zod";
import { memberRoles } from "../../db/schema";

export const errorResponseSchema = z
  .object({
    error: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error" });

export const workspaceResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    time_zone: z.string(),
    currency: z.string(),
  })
  .meta({ id: "Workspace" });

export const memberResponseSchema = z
  .object({
    id: z.uuid().describe("Membership id"),
    user_id: z.uuid(),
    name: z.string(),
    email: z.email(),
    role: z.enum(memberRoles),
    is_team_lead: z.boolean(),
    joined_at: z.iso.datetime(),
  })
  .meta({ id: "Member" });

export const memberListResponseSchema = z
  .object({ members: z.array(memberResponseSchema) })
  .meta({ id: "MemberList" });
