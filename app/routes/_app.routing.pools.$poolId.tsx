// One round-robin pool: its members (weight, open-leads cap, open leads now, absence), who is
// next in the rotation, and changing, adding and removing members.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { RoutingDeleteDialog } from "../components/routing-delete-dialog";
import { RoutingHeader } from "../components/routing-header";
import { type RoutingActionResult, RoutingStatus } from "../components/routing-status";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { SelectField, TextField } from "../components/ui/field";
import { formatDate } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";
import { type FieldErrors, formFailure, parseForm } from "../lib/forms";
import { RoutingError } from "../routing/errors";
import { dateInputValue, poolFormSchema, poolMemberFormSchema } from "../routing/forms";
import { canManageRouting } from "../routing/permissions";
import {
  addPoolMember,
  deletePool,
  getPool,
  getPoolDetail,
  removePoolMember,
  updatePool,
  updatePoolMember,
} from "../routing/pools.server";

const params = z.object({ poolId: z.uuid() });

async function load(request: Request, context: LoaderFunctionArgs["context"], poolId?: string) {
  const viewer = await requireMember(request, context);
  const parsed = params.safeParse({ poolId });
  if (!parsed.success) notFound();
  try {
    const pool = await getPool({
      db: context.db,
      workspaceId: viewer.workspace.id,
      poolId: parsed.data.poolId,
    });
    return { viewer, pool };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loader({ request, params: routeParams, context }: LoaderFunctionArgs) {
  const { viewer, pool } = await load(request, context, routeParams.poolId);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const [detail, people] = await Promise.all([
    getPoolDetail({ ...scope, poolId: pool.id }),
    listMembers(scope),
  ]);
  const inPool = new Set(detail.members.map((m) => m.userId));
  const timeZone = viewer.workspace.timeZone;
  return {
    canEdit: canManageRouting(viewer.membership),
    timeZone,
    pool: {
      id: detail.pool.id,
      name: detail.pool.name,
      slackChannelId: detail.pool.slackChannelId,
      reassignOnBreach: detail.pool.reassignOnBreach,
    },
    members: detail.members.map((member) => ({
      memberId: member.memberId,
      userId: member.userId,
      name: member.name,
      email: member.email,
      weight: member.weight,
      capacity: member.capacity,
      openLeads: member.openLeads,
      absent: member.absent,
      absentUntil: member.absentUntil,
      absentUntilValue: dateInputValue(member.absentUntil, timeZone),
      inWorkspace: member.inWorkspace,
    })),
    upcoming: detail.upcoming,
    candidates: people
      .filter((person) => !inPool.has(person.userId))
      .map((person) => ({ userId: person.userId, name: person.name })),
  };
}

const id = z.uuid({ error: "validation.id.invalid" });
const intentSchema = z.object({
  intent: z.enum(["update", "delete", "addMember", "updateMember", "removeMember"], {
    error: "validation.intent.invalid",
  }),
});

export async function action({ request, params: routeParams, context }: ActionFunctionArgs) {
  const { viewer, pool } = await load(request, context, routeParams.poolId);
  if (!canManageRouting(viewer.membership)) throw data({ message: "forbidden" }, { status: 403 });
  const formData = await request.formData();
  const intent = parseForm(intentSchema, formData);
  if (!intent.ok) return data<RoutingActionResult>(intent, { status: 400 });
  const base = {
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    poolId: pool.id,
  };
  const memberSchema = poolMemberFormSchema(viewer.workspace.timeZone);
  try {
    switch (intent.data.intent) {
      case "update": {
        const parsed = parseForm(poolFormSchema, formData);
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        await updatePool({ ...base, pool: parsed.data });
        break;
      }
      case "delete":
        await deletePool(base);
        return redirect("/routing/pools");
      case "addMember": {
        const parsed = parseForm(z.object({ userId: id }).and(memberSchema), formData);
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        const { userId, ...settings } = parsed.data;
        await addPoolMember({ ...base, userId, settings });
        break;
      }
      case "updateMember": {
        const parsed = parseForm(z.object({ memberId: id }).and(memberSchema), formData);
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        const { memberId, ...settings } = parsed.data;
        await updatePoolMember({ ...base, memberId, settings });
        break;
      }
      case "removeMember": {
        const parsed = parseForm(z.object({ memberId: id }), formData);
        if (!parsed.ok) return data<RoutingActionResult>(parsed, { status: 400 });
        await removePoolMember({ ...base, memberId: parsed.data.memberId });
        break;
      }
    }
    return data<RoutingActionResult>({ ok: true, message: "common.saved" });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof RoutingError)
      return data<RoutingActionResult>(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        { status: 400 },
      );
    throw error;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function MemberSettingsFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t("routing.pools.weight")}
        name="weight"
        type="number"
        min={1}
        max={100}
        required
        defaultValue={values.weight ?? "1"}
        hint={t("routing.pools.weightHint")}
        errors={errors?.weight}
      />
      <TextField
        label={t("routing.pools.capacity")}
        name="capacity"
        type="number"
        min={0}
        defaultValue={values.capacity ?? ""}
        hint={t("routing.pools.capacityHint")}
        errors={errors?.capacity}
      />
      <TextField
        label={t("routing.pools.absentUntil")}
        name="absentUntil"
        type="date"
        defaultValue={values.absentUntil ?? ""}
        hint={t("routing.pools.absentUntilHint")}
        errors={errors?.absentUntil}
      />
    </>
  );
}

function MemberRow({
  member,
  rank,
  canEdit,
  failure,
  timeZone,
}: {
  member: LoaderData["members"][number];
  rank: number;
  canEdit: boolean;
  failure?: { values: Record<string, string>; fieldErrors: FieldErrors };
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const full = member.capacity !== null && member.openLeads >= member.capacity;
  const values = failure?.values ?? {
    weight: String(member.weight),
    capacity: member.capacity === null ? "" : String(member.capacity),
    absentUntil: member.absentUntilValue,
  };
  return (
    <li className="py-4" data-testid="pool-member" data-user-id={member.userId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-medium text-slate-900">
            {member.name}
            {rank === 0 ? (
              <span className="ml-2">
                <Badge tone="brand">{t("routing.pools.nextUp")}</Badge>
              </span>
            ) : null}
          </p>
          <p className="text-sm text-slate-600">
            {[
              t("routing.pools.weightOf", { weight: member.weight }),
              member.capacity === null
                ? t("routing.pools.noCap")
                : t("routing.pools.capOf", { capacity: member.capacity }),
              t("routing.pools.openLeads", { count: member.openLeads }),
            ].join(" · ")}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            {member.absent && member.absentUntil ? (
              <Badge tone="amber">
                {t("routing.pools.absentBadge", {
                  date: formatDate(member.absentUntil, { locale, timeZone }),
                })}
              </Badge>
            ) : null}
            {full ? <Badge tone="amber">{t("routing.pools.fullBadge")}</Badge> : null}
            {member.inWorkspace ? null : <Badge tone="red">{t("routing.pools.leftBadge")}</Badge>}
          </div>
        </div>
        {canEdit ? (
          <RoutingDeleteDialog
            triggerLabel={t("routing.pools.removeMember.button")}
            title={t("routing.pools.removeMember.title", { name: member.name })}
            description={t("routing.pools.removeMember.description")}
            confirmLabel={t("routing.pools.removeMember.confirm")}
            fields={{ intent: "removeMember", memberId: member.memberId }}
          />
        ) : null}
      </div>
      {canEdit ? (
        <details className="mt-2" open={Boolean(failure)}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("routing.pools.editMember", { name: member.name })}
          </summary>
          <Form
            method="post"
            className="mt-3 grid items-start gap-3 sm:grid-cols-[8rem_10rem_12rem_auto]"
            key={JSON.stringify(values)}
          >
            <input type="hidden" name="intent" value="updateMember" />
            <input type="hidden" name="memberId" value={member.memberId} />
            <MemberSettingsFields values={values} errors={failure?.fieldErrors} />
            <Button variant="secondary" className="mt-6">
              {t("routing.pools.saveMember")}
            </Button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

export default function RoutingPool() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<RoutingActionResult>();
  const navigation = useNavigation();
  const { pool, members, upcoming, candidates, canEdit, timeZone } = loaded;
  const failure = result && !result.ok ? result : undefined;
  const failedIntent = failure?.values.intent;
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  const settingsValues =
    failedIntent === "update"
      ? (failure?.values ?? {})
      : {
          name: pool.name,
          slackChannelId: pool.slackChannelId ?? "",
          reassignOnBreach: pool.reassignOnBreach ? "on" : "",
        };
  return (
    <>
      <RoutingHeader canEdit={canEdit} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link to="/routing/pools" className="text-sm text-brand-700 hover:underline">
            ← {t("routing.pools.back")}
          </Link>
          <h2 className="mt-1 text-xl font-semibold text-slate-900">{pool.name}</h2>
        </div>
        {canEdit ? (
          <RoutingDeleteDialog
            triggerLabel={t("routing.pools.delete.button")}
            title={t("routing.pools.delete.title", { name: pool.name })}
            description={t("routing.pools.delete.description")}
            confirmLabel={t("routing.pools.delete.confirm")}
            fields={{ intent: "delete" }}
          />
        ) : null}
      </div>
      <RoutingStatus result={result} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card title={t("routing.pools.members")}>
            {members.length === 0 ? (
              <p className="py-4 text-sm text-slate-600">{t("routing.pools.noMembers")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {members.map((member) => (
                  <MemberRow
                    key={member.memberId}
                    member={member}
                    rank={upcoming[0] === member.userId ? 0 : -1}
                    canEdit={canEdit}
                    timeZone={timeZone}
                    failure={
                      failedIntent === "updateMember" &&
                      failure?.values.memberId === member.memberId
                        ? failure
                        : undefined
                    }
                  />
                ))}
              </ul>
            )}
          </Card>
          {canEdit ? (
            <Card title={t("routing.pools.addMember")}>
              {candidates.length === 0 ? (
                <p className="text-sm text-slate-600">{t("routing.pools.everyoneIn")}</p>
              ) : (
                <Form
                  method="post"
                  className="grid items-start gap-3 sm:grid-cols-2"
                  key={failedIntent === "addMember" ? JSON.stringify(failure?.values) : "add"}
                >
                  <input type="hidden" name="intent" value="addMember" />
                  <SelectField
                    label={t("routing.pools.person")}
                    name="userId"
                    required
                    defaultValue={failedIntent === "addMember" ? failure?.values.userId : ""}
                    errors={failedIntent === "addMember" ? failure?.fieldErrors.userId : undefined}
                  >
                    <option value="">{t("routing.pools.choosePerson")}</option>
                    {candidates.map((person) => (
                      <option key={person.userId} value={person.userId}>
                        {person.name}
                      </option>
                    ))}
                  </SelectField>
                  <MemberSettingsFields
                    values={failedIntent === "addMember" ? (failure?.values ?? {}) : {}}
                    errors={failedIntent === "addMember" ? failure?.fieldErrors : undefined}
                  />
                  <div className="sm:col-span-2">
                    <Button disabled={navigation.state === "submitting"}>
                      {t("routing.pools.add")}
                    </Button>
                  </div>
                </Form>
              )}
            </Card>
          ) : null}
        </div>
        <div className="space-y-6 lg:col-span-2">
          <Card
            title={t("routing.pools.rotation")}
            description={t("routing.pools.rotationDescription")}
          >
            {upcoming.length === 0 ? (
              <p className="text-sm text-slate-600">
                {members.length === 0
                  ? t("routing.pools.noMembers")
                  : t("routing.pools.nobodyAvailable")}
              </p>
            ) : (
              <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="pool-rotation">
                {upcoming.map((userId, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same rep can come up twice
                  <li key={index}>{nameOf.get(userId) ?? userId}</li>
                ))}
              </ol>
            )}
          </Card>
          {canEdit ? (
            <Card title={t("routing.pools.settings")}>
              <Form method="post" className="space-y-4" key={JSON.stringify(settingsValues)}>
                <input type="hidden" name="intent" value="update" />
                <TextField
                  label={t("routing.pools.name")}
                  name="name"
                  required
                  maxLength={120}
                  defaultValue={settingsValues.name ?? ""}
                  errors={failedIntent === "update" ? failure?.fieldErrors.name : undefined}
                />
                <TextField
                  label={t("routing.pools.slackChannel")}
                  name="slackChannelId"
                  placeholder="C0123ABC"
                  hint={t("routing.pools.slackChannelHint")}
                  defaultValue={settingsValues.slackChannelId ?? ""}
                  errors={
                    failedIntent === "update" ? failure?.fieldErrors.slackChannelId : undefined
                  }
                />
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="reassignOnBreach"
                    defaultChecked={settingsValues.reassignOnBreach === "on"}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                  {t("routing.pools.reassign")}
                </label>
                <Button variant="secondary">{t("routing.pools.save")}</Button>
              </Form>
            </Card>
          ) : (
            <Card title={t("routing.pools.settings")}>
              <p className="text-sm text-slate-600">
                {[
                  pool.slackChannelId
                    ? t("routing.pools.channel", { channel: pool.slackChannelId })
                    : null,
                  pool.reassignOnBreach ? t("routing.pools.reassignShort") : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </p>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
