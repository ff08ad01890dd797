// The active definitions on one page, to print and hang on the wall.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMember } from "../auth/guards.server";
import { DefinitionSummary } from "../components/definition-summary";
import { listVersions } from "../definitions/versions.server";
import { formatDate } from "../i18n/format";
import { useLocale, useT } from "../i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Definitions · Baton" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const versions = await listVersions({ db: context.db, workspaceId: viewer.workspace.id });
  return {
    workspaceName: viewer.workspace.name,
    timeZone: viewer.workspace.timeZone,
    active: versions.map(({ version }) => version).filter((version) => version.status === "active"),
  };
}

export default function PrintDefinitions() {
  const t = useT();
  const locale = useLocale();
  const { workspaceName, timeZone, active } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl bg-white px-10 py-10 print:max-w-none print:px-0 print:py-0">
      <div className="no-print mb-6 flex justify-between text-sm">
        <Link to="/definitions" className="text-brand-600 hover:underline">
          ← {t("definitions.printView.back")}
        </Link>
        <button
          type="button"
          onClick={() => window.print()}
          className="font-semibold text-brand-600 hover:underline"
        >
          {t("definitions.printView.print")}
        </button>
      </div>
      <p className="text-sm uppercase tracking-wide text-slate-500">{workspaceName}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{t("definitions.printView.title")}</h1>
      {active.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("definitions.noActiveHint")}</p>
      ) : null}
      {active.map((version) => (
        <section
          key={version.id}
          className="mt-8 break-inside-avoid border-t-4 border-brand-600 pt-4"
        >
          <h2 className="text-xl font-semibold">
            {t(`definitions.kindLong.${version.kind}`)}: {version.title}
          </h2>
          <p className="mb-3 text-xs text-slate-500">
            {t("definitions.printView.agreed", {
              version: version.version,
              date: formatDate(version.activatedAt ?? version.createdAt, { locale, timeZone }),
            })}
          </p>
          <DefinitionSummary
            prose={version.prose}
            rules={version.rules}
            requiredFields={version.requiredFields}
          />
        </section>
      ))}
    </main>
  );
}
