// Previous / "page N of M" / next under a list that pages on the server; nothing for one page.
import { Link } from "@remix-run/react";
import { buttonClass } from "./button";

export function Pager({
  page,
  pages,
  linkTo,
  label,
  previous,
  next,
  position,
}: {
  page: number;
  pages: number;
  /** The URL of another page, keeping the list's other parameters. */
  linkTo: (page: number) => string;
  label: string;
  previous: string;
  next: string;
  /** "Page 2 of 5", in the reader's language. */
  position: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="mt-4 flex items-center justify-between text-sm" aria-label={label}>
      {page > 1 ? (
        <Link to={linkTo(page - 1)} className={buttonClass("secondary")}>
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-500">{position}</span>
      {page < pages ? (
        <Link to={linkTo(page + 1)} className={buttonClass("secondary")}>
          {next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
