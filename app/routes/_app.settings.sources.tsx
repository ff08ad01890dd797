// Settings → Lead sources: what each source is (marketing, sales' own outbound, partner). Admins
// and marketing set them; everyone reads. Sources not set are guessed by name, and say so.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { sourceKinds } from "../../db/enums";
import { requireMember } from "../auth/guards.server";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { FormError, inputClass } from "../components/ui/field";
import {
  listSourceKinds,
  saveSourceKinds,
  sourceKindsFormSchema,
} from "../deals/source-kinds.server";
import { useT } from "../i18n/use-t";
import { type FormFailure, issuesToFieldErrors } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: "Lead sources · Baton" }];

const editors = ["admin", "marketing"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  return {
    sources: await listSourceKinds({ db: context.db, workspaceId: viewer.workspace.id }),
    canEdit: editors.includes(viewer.membership.role),
  };
}

type ActionResult = { ok: true } | FormFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!editors.includes(viewer.membership.role))
    throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  // Fields are named kind:<source>, one per source.
  const input = Object.fromEntries(
    [...formData].flatMap(([name, value]) =>
      name.startsWith("kind:") && typeof value === "string" ? [[name.slice(5), value]] : [],
    ),
  );
  const parsed = sourceKindsFormSchema.safeParse(input);
  if (!parsed.success)
    return data<ActionResult>(
      {
        ok: false,
        fieldErrors: issuesToFieldErrors(parsed.error.issues),
        values: Object.fromEntries(Object.entries(input).map(([k, v]) => [`kind:${k}`, v])),
      },
      { status: 400 },
    );
  await saveSourceKinds({
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    kinds: parsed.data,
  });
  return data<ActionResult>({ ok: true });
}

export default function LeadSources() {
  const t = useT();
  const { sources, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  return (
    <Card title={t("settings.sources.title")} description={t("settings.sources.description")}>
      {sources.length === 0 ? (
        <p className="text-sm text-slate-600">{t("settings.sources.empty")}</p>
      ) : (
        <Form method="post" className="space-y-4" aria-label={t("settings.sources.title")}>
          {result?.ok ? (
            <p role="status" className="text-sm text-green-700">
              {t("settings.sources.saved")}
            </p>
          ) : null}
          {failure ? <FormError message="settings.sources.errors.kind" /> : null}
          <table className="w-full max-w-xl text-left text-sm" data-testid="source-kinds">
            <tbody className="divide-y divide-slate-100">
              {sources.map((row) => (
                <tr key={row.source}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                    <label htmlFor={`kind-${row.source}`}>{row.source}</label>{" "}
                    {row.guessed ? <Badge>{t("settings.sources.guessed")}</Badge> : null}
                  </th>
                  <td className="py-2">
                    <select
                      id={`kind-${row.source}`}
                      name={`kind:${row.source}`}
                      defaultValue={failure?.values[`kind:${row.source}`] ?? row.kind}
                      disabled={!canEdit}
                      className={`${inputClass} w-48`}
                    >
                      {sourceKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`deals.sourceKind.${kind}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit ? (
            <Button variant="secondary" disabled={navigation.state !== "idle"}>
              {t("settings.sources.save")}
            </Button>
          ) : null}
        </Form>
      )}
    </Card>
  );
}
