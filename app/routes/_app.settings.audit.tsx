// The audit log (admins): the latest changes to the workspace, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAuditEvents } from "../audit/audit.server";
import { requireMember } from "../auth/guards.server";
import { Card } from "../components/ui/card";
import { formatDateTime } from "../i18n/format";
import { isMessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";

const pageSize = 50;
const querySchema = z.object({
  before: z.iso.datetime({ offset: true }).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context, { roles: ["admin"] });
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const events = await listAuditEvents({
    db: context.db,
    workspaceId: viewer.workspace.id,
    before: query.before ? new Date(query.before) : undefined,
    limit: pageSize,
  });
  return { events, timeZone: viewer.workspace.timeZone, hasMore: events.length === pageSize };
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const { events, timeZone, hasMore } = useLoaderData<typeof loader>();
  const last = events.at(-1);
  return (
    <Card title={t("audit.title")} description={t("audit.description")}>
      {events.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-600">{t("audit.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {events.map((event) => {
            const key = `audit.actions.${event.action}`;
            return (
              <li key={event.id} className="flex flex-wrap justify-between gap-2 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {isMessageKey(key) ? t(key) : event.action}
                  </p>
                  <p className="text-slate-600">
                    {event.actorName ?? event.actorLabel ?? t("audit.system")}
                    {Object.keys(event.details).length ? (
                      <span className="ml-2 font-mono text-xs text-slate-500">
                        {JSON.stringify(event.details)}
                      </span>
                    ) : null}
                  </p>
                </div>
                <time dateTime={new Date(event.createdAt).toISOString()} className="text-slate-500">
                  {formatDateTime(event.createdAt, { locale, timeZone })}
                </time>
              </li>
            );
          })}
        </ul>
      )}
      {hasMore && last ? (
        <Link
          to={`?before=${encodeURIComponent(new Date(last.createdAt).toISOString())}`}
          className="mt-4 inline-block text-sm font-semibold text-brand-600 hover:underline"
        >
          {t("audit.older")}
        </Link>
      ) : null}
    </Card>
  );
}
