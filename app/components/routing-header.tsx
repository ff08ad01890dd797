// The heading every routing page shares: title, what routing does, the tabs between rules, pools
// and margin tiers, and a note for members who may look but not change anything.
import { NavLink } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { PageHeader } from "./ui/card";

const tabs = [
  { to: "/routing", label: "routing.tabs.rules", end: true },
  { to: "/routing/pools", label: "routing.tabs.pools", end: false },
  { to: "/routing/margin", label: "routing.tabs.margin", end: false },
] as const;

export function RoutingHeader({
  canEdit,
  actions,
}: {
  canEdit: boolean;
  actions?: React.ReactNode;
}) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={t("routing.title")}
        description={t("routing.subtitle")}
        actions={actions}
      />
      <nav aria-label={t("routing.tabs.label")} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-6">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `inline-block border-b-2 pb-3 text-sm font-medium ${
                    isActive
                      ? "border-brand-600 text-brand-700"
                      : "border-transparent text-slate-600 hover:text-slate-900"
                  }`
                }
              >
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {canEdit ? null : (
        <p className="mb-6 rounded-md bg-slate-50 p-3 text-sm text-slate-600 ring-1 ring-slate-200">
          {t("routing.readOnly")}
        </p>
      )}
    </>
  );
}
