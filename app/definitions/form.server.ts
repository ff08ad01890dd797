// Parses the definition form into content for a draft, with errors named by criterion.
import {
  type DefinitionForm,
  type DefinitionFormError,
  definitionFormInput,
  definitionFormSchema,
  rulesFromForm,
} from "./form";
import type { DefinitionContent } from "./versions.server";

export function parseDefinitionForm(
  formData: FormData,
): { ok: true; content: DefinitionContent } | { ok: false; errors: DefinitionFormError[] } {
  const input = definitionFormInput(formData);
  const result = definitionFormSchema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const [group, index] = issue.path;
        const criterion =
          (group === "profile" || group === "behaviour") && typeof index === "number"
            ? (input[group][index] as { type?: string } | undefined)
            : undefined;
        return { field: criterion?.type ?? String(group ?? "form"), message: issue.message };
      }),
    };
  }
  const form: DefinitionForm = result.data;
  return {
    ok: true,
    content: {
      kind: form.kind,
      title: form.title,
      prose: form.prose,
      rules: rulesFromForm(form),
      requiredFields: form.requiredFields,
    },
  };
}
