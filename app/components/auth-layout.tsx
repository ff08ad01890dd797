// The frame of the signed-out pages: the mark, a title and a card.
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: React.ReactNode;
}) {
  return (
    <main className="flex min-h-full flex-col justify-center px-6 py-12">
      <div className="mx-auto w-full max-w-sm">
        <div className="flex items-center justify-center gap-2">
          <img src="/favicon.svg" alt="" className="h-9 w-9" />
          <span className="text-xl font-semibold tracking-tight text-slate-900">Baton</span>
        </div>
        <h1 className="mt-8 text-center text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        {subtitle ? <p className="mt-2 text-center text-sm text-slate-600">{subtitle}</p> : null}
      </div>
      <div className="mx-auto mt-8 w-full max-w-sm rounded-lg bg-white px-6 py-8 shadow-sm ring-1 ring-slate-200">
        {children}
      </div>
    </main>
  );
}
