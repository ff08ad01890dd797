// Round-robin pools: the list, and a new pool (name, optional Slack channel, re-assign on breach).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { RoutingHeader } from "../components/routing-header";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { FormError, TextField } from "../components/ui/field";
import { usePlural, useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { RoutingError } from "../routing/errors";
import { poolFormSchema } from "../routing/forms";
import { canManageRouting } from "../routing/permissions";
import { createPool, listPools } from "../routing/pools.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const pools = await listPools({ db: context.db, workspaceId: viewer.workspace.id });
  return {
    canEdit: canManageRouting(viewer.membership),
    pools: pools.map((pool) => ({
      id: pool.id,
      name: pool.name,
      slackChannelId: pool.slackChannelId,
      reassignOnBreach: pool.reassignOnBreach,
      memberCount: pool.memberCount,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const parsed = parseForm(poolFormSchema, formData);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  try {
    const pool = await createPool({
      db: context.db,
      workspaceId: viewer.workspace.id,
      actorUserId: viewer.user.id,
      pool: parsed.data,
    });
    return redirect(`/routing/pools/${pool.id}`);
  } catch (error) {
    if (error instanceof RoutingError)
      return data<FormFailure>(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        { status: 400 },
      );
    throw error;
  }
}

export default function RoutingPools() {
  const t = useT();
  const tp = usePlural();
  const { canEdit, pools } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure>();
  const navigation = useNavigation();
  return (
    <>
      <RoutingHeader canEdit={canEdit} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <Card title={t("routing.pools.title")} description={t("routing.pools.description")}>
            {pools.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-600">{t("routing.pools.empty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="routing-pools">
                {pools.map((pool) => (
                  <li key={pool.id} className="flex items-center justify-between gap-4 py-3">
                    <div>
                      <Link
                        to={`/routing/pools/${pool.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {pool.name}
                      </Link>
                      <p className="text-sm text-slate-600">
                        {[
                          tp("routing.pools.memberCount", pool.memberCount),
                          pool.slackChannelId
                            ? t("routing.pools.channel", { channel: pool.slackChannelId })
                            : null,
                          pool.reassignOnBreach ? t("routing.pools.reassignShort") : null,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {canEdit ? (
          <div className="lg:col-span-2">
            <Card title={t("routing.pools.new")}>
              <Form method="post" className="space-y-4" key={JSON.stringify(failure?.values ?? {})}>
                {failure?.formError ? <FormError message={failure.formError} /> : null}
                <TextField
                  label={t("routing.pools.name")}
                  name="name"
                  required
                  maxLength={120}
                  defaultValue={failure?.values.name ?? ""}
                  errors={failure?.fieldErrors.name}
                />
                <TextField
                  label={t("routing.pools.slackChannel")}
                  name="slackChannelId"
                  placeholder="C0123ABC"
                  hint={t("routing.pools.slackChannelHint")}
                  defaultValue={failure?.values.slackChannelId ?? ""}
                  errors={failure?.fieldErrors.slackChannelId}
                />
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="reassignOnBreach"
                    defaultChecked={failure?.values.reassignOnBreach === "on"}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  {t("routing.pools.reassign")}
                </label>
                <Button disabled={navigation.state === "submitting"}>
                  {t("routing.pools.create")}
                </Button>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
