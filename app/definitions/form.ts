// The definition form: profile criteria (all must hold) plus one behaviour group (all or any),
// as flat form fields that work without JavaScript, to and from the stored rule tree.
import { z } from "zod";
import { definitionKinds, requirableLeadFields } from "../../db/enums";
import {
  type CriteriaGroup,
  type Criterion,
  criterionSchema,
  isGroup,
  seniorityLevels,
} from "./criteria";

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

const optionalInt = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : Number(text);
};

const behaviourTypes = new Set<Criterion["type"]>([
  "page_views",
  "pricing_page_visited",
  "content_downloaded",
  "event_attended",
  "engagement_score",
]);

/** A form error named by the criterion (or field) it is about. */
export interface DefinitionFormError {
  field: string;
  message: string;
}

export const definitionFormSchema = z.object({
  kind: z.enum(definitionKinds, { error: "validation.definition.kind" }),
  title: z
    .string()
    .trim()
    .min(1, { error: "validation.definition.title" })
    .max(120, { error: "validation.definition.titleTooLong" }),
  prose: z.string().trim().max(5000, { error: "validation.definition.proseTooLong" }),
  requiredFields: z.array(z.enum(requirableLeadFields)),
  profile: z.array(criterionSchema),
  behaviourMatch: z.enum(["all", "any"]),
  behaviour: z.array(criterionSchema),
});
export type DefinitionForm = z.infer<typeof definitionFormSchema>;

/** Reads the form's fields into the shape the schema checks; empty fields add no criterion. */
export function definitionFormInput(formData: FormData) {
  const profile: unknown[] = [];
  const sizeMin = optionalInt(formData.get("sizeMin"));
  const sizeMax = optionalInt(formData.get("sizeMax"));
  if (sizeMin !== undefined || sizeMax !== undefined)
    profile.push({ type: "company_size", min: sizeMin, max: sizeMax });
  for (const type of ["industry", "country", "region", "job_title"] as const) {
    const values = list(formData.get(type));
    if (values.length) profile.push({ type, anyOf: values });
  }
  const seniority = formData.getAll("seniority").map(String);
  if (seniority.length) profile.push({ type: "seniority", anyOf: seniority });

  const behaviour: unknown[] = [];
  const pageViews = optionalInt(formData.get("pageViewsMin"));
  if (pageViews !== undefined) {
    behaviour.push({
      type: "page_views",
      min: pageViews,
      withinDays: optionalInt(formData.get("pageViewsDays")) ?? 30,
    });
  }
  if (formData.get("pricing") === "on") {
    behaviour.push({
      type: "pricing_page_visited",
      withinDays: optionalInt(formData.get("pricingDays")) ?? 30,
    });
  }
  if (formData.get("download") === "on") {
    const contentType = String(formData.get("downloadType") ?? "").trim();
    behaviour.push({
      type: "content_downloaded",
      ...(contentType ? { contentType } : {}),
      withinDays: optionalInt(formData.get("downloadDays")) ?? 90,
    });
  }
  if (formData.get("event") === "on") {
    behaviour.push({
      type: "event_attended",
      withinDays: optionalInt(formData.get("eventDays")) ?? 90,
    });
  }
  const score = optionalInt(formData.get("scoreMin"));
  if (score !== undefined) behaviour.push({ type: "engagement_score", min: score });

  return {
    kind: formData.get("kind"),
    title: formData.get("title") ?? "",
    prose: formData.get("prose") ?? "",
    requiredFields: formData.getAll("requiredFields").map(String),
    profile,
    behaviourMatch: formData.get("behaviourMatch") === "any" ? "any" : "all",
    behaviour,
  };
}

export function rulesFromForm(form: DefinitionForm): CriteriaGroup {
  const criteria: CriteriaGroup["criteria"] = [...form.profile];
  if (form.behaviour.length)
    criteria.push({ match: form.behaviourMatch, criteria: form.behaviour });
  return { match: "all", criteria };
}

/** Form defaults from a stored rule tree (the form's two levels; deeper trees are flattened). */
export function formDefaultsFromRules(rules: CriteriaGroup) {
  const flat: Criterion[] = [];
  let behaviourMatch: "all" | "any" = "all";
  const walk = (group: CriteriaGroup, depth: number) => {
    for (const node of group.criteria) {
      if (isGroup(node)) {
        if (depth === 0) behaviourMatch = node.match;
        walk(node, depth + 1);
      } else flat.push(node);
    }
  };
  walk(rules, 0);
  const find = <T extends Criterion["type"]>(type: T) =>
    flat.find((c): c is Extract<Criterion, { type: T }> => c.type === type);
  return {
    sizeMin: find("company_size")?.min,
    sizeMax: find("company_size")?.max,
    industry: find("industry")?.anyOf.join(", ") ?? "",
    country: find("country")?.anyOf.join(", ") ?? "",
    region: find("region")?.anyOf.join(", ") ?? "",
    job_title: find("job_title")?.anyOf.join(", ") ?? "",
    seniority: find("seniority")?.anyOf ?? [],
    pageViewsMin: find("page_views")?.min,
    pageViewsDays: find("page_views")?.withinDays ?? 30,
    pricing: Boolean(find("pricing_page_visited")),
    pricingDays: find("pricing_page_visited")?.withinDays ?? 30,
    download: Boolean(find("content_downloaded")),
    downloadType: find("content_downloaded")?.contentType ?? "",
    downloadDays: find("content_downloaded")?.withinDays ?? 90,
    event: Boolean(find("event_attended")),
    eventDays: find("event_attended")?.withinDays ?? 90,
    scoreMin: find("engagement_score")?.min,
    behaviourMatch,
    hasBehaviour: flat.some((c) => behaviourTypes.has(c.type)),
  };
}

export { seniorityLevels };
