// The signed-in frame: sidebar navigation for every capability, the workspace switcher and the
// user menu. Capabilities not built yet are listed, marked "soon", and not linked.
import { Form, NavLink, useSubmit } from "@remix-run/react";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/use-t";

interface NavItem {
  to: string;
  label: MessageKey;
  available: boolean;
}

export const navigation: NavItem[] = [
  { to: "/", label: "nav.home", available: true },
  { to: "/leads", label: "nav.leads", available: true },
  { to: "/definitions", label: "nav.definitions", available: true },
  { to: "/routing", label: "nav.routing", available: true },
  { to: "/feedback", label: "nav.feedback", available: true },
  { to: "/sla", label: "nav.sla", available: true },
  { to: "/scorecard", label: "nav.scorecard", available: true },
  { to: "/sync", label: "nav.sync", available: true },
  { to: "/attribution", label: "nav.attribution", available: true },
  { to: "/deals", label: "nav.deals", available: true },
  { to: "/plan", label: "nav.plan", available: true },
  { to: "/settings", label: "nav.settings", available: true },
];

export interface ShellProps {
  user: { name: string; email: string };
  workspace: { id: string; name: string };
  workspaces: { workspaceId: string; name: string }[];
  children: React.ReactNode;
}

export function AppShell({ user, workspace, workspaces, children }: ShellProps) {
  const t = useT();
  const submit = useSubmit();
  return (
    <div className="flex min-h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("nav.skipToContent")}
      </a>
      <aside className="no-print hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="flex h-16 items-center gap-2 border-b border-slate-100 px-5">
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          <span className="text-lg font-semibold tracking-tight">Baton</span>
        </div>
        <nav aria-label={t("nav.label")} className="flex-1 overflow-y-auto px-3 py-4">
          <ul className="space-y-0.5">
            {navigation.map((item) => (
              <li key={item.to}>
                {item.available ? (
                  <NavLink
                    to={item.to}
                    end={item.to === "/"}
                    className={({ isActive }) =>
                      `flex items-center rounded-md px-3 py-2 text-sm font-medium ${
                        isActive
                          ? "bg-brand-50 text-brand-700"
                          : "text-slate-700 hover:bg-slate-100"
                      }`
                    }
                  >
                    {t(item.label)}
                  </NavLink>
                ) : (
                  <span
                    className="flex items-center justify-between rounded-md px-3 py-2 text-sm text-slate-400"
                    aria-disabled="true"
                  >
                    {t(item.label)}
                    <span className="text-[10px] font-semibold uppercase tracking-wide">
                      {t("nav.soon")}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 sm:px-6">
          <Form method="post" action="/workspaces/switch" className="flex items-center gap-2">
            <label htmlFor="workspace-switcher" className="sr-only">
              {t("nav.workspace")}
            </label>
            {workspaces.length > 1 ? (
              <>
                <select
                  id="workspace-switcher"
                  name="workspaceId"
                  defaultValue={workspace.id}
                  onChange={(event) => submit(event.currentTarget.form)}
                  className="rounded-md border-0 py-1.5 pl-3 pr-8 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300"
                >
                  {workspaces.map((w) => (
                    <option key={w.workspaceId} value={w.workspaceId}>
                      {w.name}
                    </option>
                  ))}
                </select>
                <noscript>
                  <button type="submit" className="text-sm text-brand-600">
                    {t("nav.switch")}
                  </button>
                </noscript>
              </>
            ) : (
              <span id="workspace-switcher" className="text-sm font-semibold text-slate-900">
                {workspace.name}
              </span>
            )}
            <NavLink to="/workspaces/new" className="text-xs text-slate-500 hover:text-brand-600">
              {t("nav.newWorkspace")}
            </NavLink>
          </Form>
          <div className="flex items-center gap-3">
            <span className="hidden text-right text-sm sm:block">
              <span className="block font-medium text-slate-900">{user.name}</span>
              <span className="block text-xs text-slate-500">{user.email}</span>
            </span>
            <Form method="post" action="/logout">
              <button
                type="submit"
                className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
              >
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        </header>
        <nav
          aria-label={t("nav.label")}
          className="no-print flex gap-1 overflow-x-auto border-b border-slate-200 bg-white px-3 py-2 md:hidden"
        >
          {navigation
            .filter((item) => item.available)
            .map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.to === "/"}
                className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-slate-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
              >
                {t(item.label)}
              </NavLink>
            ))}
        </nav>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
