// Definitions: the active MQL and SQL definitions, open proposals, and every version.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { DefinitionSummary } from "../components/definition-summary";
import { buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { listVersions } from "../definitions/versions.server";
import { formatDate } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Definitions · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const versions = await listVersions({ db: context.db, workspaceId: viewer.workspace.id });
  return {
    versions: versions.map(({ version, author }) => ({ ...version, author })),
    canPropose: viewer.membership.role !== "leadership",
    timeZone: viewer.workspace.timeZone,
  };
}

const statusTone = {
  draft: "slate",
  proposed: "amber",
  active: "green",
  retired: "slate",
  withdrawn: "slate",
} as const;

export default function Definitions() {
  const t = useT();
  const locale = useLocale();
  const { versions, canPropose, timeZone } = useLoaderData<typeof loader>();
  const activeOf = (kind: "mql" | "sql") =>
    versions.find((v) => v.kind === kind && v.status === "active");
  const open = versions.filter((v) => v.status === "draft" || v.status === "proposed");
  return (
    <>
      <PageHeader
        title={t("definitions.title")}
        description={t("definitions.subtitle")}
        actions={
          <div className="flex gap-2">
            <Link to="/definitions/print" className={buttonClass("secondary")}>
              {t("definitions.print")}
            </Link>
            {canPropose ? (
              <Link to="/definitions/new?kind=mql" className={buttonClass("primary")}>
                {t("definitions.newProposal")}
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {(["mql", "sql"] as const).map((kind) => {
          const active = activeOf(kind);
          return (
            <Card
              key={kind}
              title={
                active
                  ? `${t("definitions.active", { kind: t(`definitions.kind.${kind}`) })} · ${active.title}`
                  : t(`definitions.kindLong.${kind}`)
              }
              description={
                active
                  ? `${t("definitions.version", { version: active.version })} · ${t("definitions.activeSince", { date: formatDate(active.activatedAt ?? active.createdAt, { locale, timeZone }) })}`
                  : undefined
              }
              actions={
                active ? (
                  <Link
                    to={`/definitions/${active.id}`}
                    className="text-sm font-semibold text-brand-600 hover:underline"
                  >
                    {t("definitions.open")}
                  </Link>
                ) : null
              }
            >
              {active ? (
                <DefinitionSummary
                  prose={active.prose}
                  rules={active.rules}
                  requiredFields={active.requiredFields}
                />
              ) : (
                <div className="py-4 text-sm text-slate-600">
                  <p className="font-medium text-slate-900">
                    {t("definitions.noActive", { kind: t(`definitions.kind.${kind}`) })}
                  </p>
                  <p className="mt-1">{t("definitions.noActiveHint")}</p>
                  {canPropose ? (
                    <Link
                      to={`/definitions/new?kind=${kind}`}
                      className={buttonClass("primary", "mt-4")}
                    >
                      {t("definitions.newProposal")}
                    </Link>
                  ) : null}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      <div className="mt-6 grid gap-6">
        <Card title={t("definitions.inProgress")}>
          {open.length === 0 ? (
            <p className="py-2 text-sm text-slate-600">{t("definitions.noProposals")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {open.map((version) => (
                <li key={version.id} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <Link
                      to={`/definitions/${version.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {t(`definitions.kind.${version.kind}`)}{" "}
                      {t("definitions.version", { version: version.version })} · {version.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {version.author ? t("definitions.by", { name: version.author }) : null}
                    </p>
                  </div>
                  <Badge tone={statusTone[version.status]}>
                    {t(`definitions.status.${version.status}`)}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("definitions.history")}>
          <table className="w-full text-left text-sm">
            <tbody className="divide-y divide-slate-100">
              {versions.map((version) => (
                <tr key={version.id}>
                  <td className="py-2 pr-4 font-medium">
                    {t(`definitions.kind.${version.kind}`)}{" "}
                    {t("definitions.version", { version: version.version })}
                  </td>
                  <td className="py-2 pr-4">
                    <Link
                      to={`/definitions/${version.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {version.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-4 text-slate-600">
                    {formatDate(version.createdAt, { locale, timeZone })}
                  </td>
                  <td className="py-2 text-right">
                    <Badge tone={statusTone[version.status]}>
                      {t(`definitions.status.${version.status}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
