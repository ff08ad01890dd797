// Tabs between the pages of one section (settings, SLA, weekly sync): links, with the current
// page marked, that scroll sideways on a narrow screen.
import { NavLink } from "@remix-run/react";
import type { MessageKey } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";

export interface SectionTab {
  to: string;
  label: MessageKey;
}

export function SectionTabs({
  label,
  tabs,
  className = "",
}: {
  label: string;
  tabs: readonly SectionTab[];
  className?: string;
}) {
  const t = useT();
  return (
    <nav
      aria-label={label}
      className={`mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 ${className}`}
    >
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          prefetch="intent"
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              isActive
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`
          }
        >
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}
