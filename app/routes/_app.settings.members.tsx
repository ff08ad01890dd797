// Members: everyone sees who is in the workspace; admins invite by link, change roles and the
// team-lead flag, remove members and revoke pending invitations.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { memberRoles } from "../../db/enums";
import { AccountError, NotFoundError } from "../accounts/errors";
import {
  createInvitation,
  listPendingInvitations,
  revokeInvitation,
} from "../accounts/invitations.server";
import { memberActionSchema } from "../accounts/member-schemas";
import { changeMemberRole, listMembers, removeMember } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { MemberRemoveDialog } from "../components/member-remove-dialog";
import { Button } from "../components/ui/button";
import { Badge, Card } from "../components/ui/card";
import { FormError, inputClass, SelectField, TextField } from "../components/ui/field";
import { formatDate } from "../i18n/format";
import { useLocale, usePlural, useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const isAdmin = viewer.membership.role === "admin";
  const [members, invitations] = await Promise.all([
    listMembers({ db: context.db, workspaceId: viewer.workspace.id }),
    isAdmin ? listPendingInvitations({ db: context.db, workspaceId: viewer.workspace.id }) : [],
  ]);
  return {
    isAdmin,
    viewerMembershipId: viewer.membership.id,
    timeZone: viewer.workspace.timeZone,
    members,
    invitations,
  };
}

type ActionResult =
  | FormFailure
  | { ok: true; intent: "invite"; inviteUrl: string; email: string }
  | { ok: true; intent: "changeRole" | "remove" | "revokeInvitation" };

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const formData = await request.formData();
  const parsed = parseForm(memberActionSchema, formData);
  if (!parsed.ok) return data<ActionResult>(parsed, { status: 400 });
  const input = parsed.data;
  const base = { db: context.db, workspaceId: viewer.workspace.id, actorUserId: viewer.user.id };
  try {
    switch (input.intent) {
      case "invite": {
        const { token } = await createInvitation({
          db: context.db,
          workspaceId: viewer.workspace.id,
          email: input.email,
          role: input.role,
          isTeamLead: input.isTeamLead,
          invitedByUserId: viewer.user.id,
        });
        const inviteUrl = new URL(`/invite/${token}`, request.url).toString();
        return data<ActionResult>({ ok: true, intent: "invite", inviteUrl, email: input.email });
      }
      case "changeRole":
        await changeMemberRole({
          ...base,
          membershipId: input.membershipId,
          role: input.role,
          isTeamLead: input.isTeamLead,
        });
        break;
      case "remove":
        await removeMember({ ...base, membershipId: input.membershipId });
        break;
      case "revokeInvitation":
        await revokeInvitation({ ...base, invitationId: input.invitationId });
        break;
    }
    return data<ActionResult>({ ok: true, intent: input.intent });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccountError) {
      return data<ActionResult>(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function Members() {
  const t = useT();
  const locale = useLocale();
  const tp = usePlural();
  const { isAdmin, viewerMembershipId, timeZone, members, invitations } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  const failedIntent = failure?.values.intent;
  return (
    <div className="space-y-6">
      {isAdmin ? (
        <Card title={t("members.invite.title")} description={t("members.invite.description")}>
          <Form method="post" className="grid items-end gap-4 sm:grid-cols-[1fr_12rem_auto_auto]">
            <input type="hidden" name="intent" value="invite" />
            <TextField
              label={t("auth.email")}
              name="email"
              type="email"
              required
              defaultValue={failedIntent === "invite" ? failure?.values.email : undefined}
              errors={failedIntent === "invite" ? failure?.fieldErrors.email : undefined}
            />
            <SelectField
              label={t("members.role")}
              name="role"
              defaultValue={failedIntent === "invite" ? failure?.values.role : "sales"}
              errors={failedIntent === "invite" ? failure?.fieldErrors.role : undefined}
            >
              {memberRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </SelectField>
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                name="isTeamLead"
                className="h-4 w-4 rounded border-slate-300"
              />
              {t("members.teamLead")}
            </label>
            <Button disabled={navigation.state === "submitting"}>
              {t("members.invite.submit")}
            </Button>
          </Form>
          {result?.ok && result.intent === "invite" ? (
            <div
              role="status"
              className="mt-4 rounded-md bg-green-50 p-4 text-sm ring-1 ring-green-200"
            >
              <p className="font-medium text-green-900">
                {t("members.invite.created", { email: result.email })}
              </p>
              <p className="mt-1 text-green-800">{t("members.invite.copyOnce")}</p>
              <input
                readOnly
                aria-label={t("members.invite.link")}
                value={result.inviteUrl}
                onFocus={(event) => event.currentTarget.select()}
                className={`${inputClass} mt-2 font-mono`}
                data-testid="invite-url"
              />
            </div>
          ) : null}
          {failure && failedIntent !== "invite" ? (
            <div className="mt-4">
              <FormError
                message={failure.formError ?? Object.values(failure.fieldErrors)[0]?.[0]}
              />
            </div>
          ) : null}
        </Card>
      ) : null}

      <Card title={t("members.title")} description={tp("members.count", members.length)}>
        <ul className="divide-y divide-slate-100">
          {members.map((member) => (
            <li
              key={member.membershipId}
              className="flex flex-wrap items-center justify-between gap-4 py-3"
            >
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {member.name}
                  {member.membershipId === viewerMembershipId ? (
                    <span className="ml-2 text-xs text-slate-500">({t("members.you")})</span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-600">{member.email}</p>
              </div>
              {isAdmin ? (
                <div className="flex flex-wrap items-center gap-3">
                  <Form method="post" className="flex items-center gap-3">
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="membershipId" value={member.membershipId} />
                    <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
                      {t("members.roleOf", { name: member.name })}
                    </label>
                    <select
                      id={`role-${member.membershipId}`}
                      name="role"
                      defaultValue={member.role}
                      className={`${inputClass} w-40`}
                    >
                      {memberRoles.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name="isTeamLead"
                        defaultChecked={member.isTeamLead}
                        className="h-4 w-4 rounded border-slate-300"
                      />
                      {t("members.teamLead")}
                    </label>
                    <Button variant="secondary">{t("common.save")}</Button>
                  </Form>
                  <MemberRemoveDialog membershipId={member.membershipId} name={member.name} />
                </div>
              ) : (
                <div className="flex items-center gap-2">
                  <Badge tone="brand">{t(`roles.${member.role}`)}</Badge>
                  {member.isTeamLead ? <Badge>{t("members.teamLead")}</Badge> : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>

      {isAdmin && invitations.length > 0 ? (
        <Card title={t("members.pending.title")}>
          <ul className="divide-y divide-slate-100">
            {invitations.map((invitation) => (
              <li
                key={invitation.id}
                className="flex flex-wrap items-center justify-between gap-4 py-3"
              >
                <div>
                  <p className="font-medium">{invitation.email}</p>
                  <p className="text-sm text-slate-600">
                    {t(`roles.${invitation.role}`)}
                    {invitation.isTeamLead ? ` · ${t("members.teamLead")}` : ""} ·{" "}
                    {t("members.pending.expires", {
                      date: formatDate(invitation.expiresAt, { locale, timeZone }),
                    })}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="revokeInvitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <Button variant="secondary">{t("members.pending.revoke")}</Button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
