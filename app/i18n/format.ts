// Money, numbers and dates for people: Intl in the reader's locale and the workspace time zone.
import type { Locale } from "./i18n";

const intlLocale: Record<Locale, string> = { en: "en-GB", nl: "nl-NL" };

/** Money is kept in cents everywhere; only here does it become euros (or the workspace currency). */
export function formatMoney(cents: number, options: { locale: Locale; currency: string }): string {
  return new Intl.NumberFormat(intlLocale[options.locale], {
    style: "currency",
    currency: options.currency,
  }).format(cents / 100);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

/** A share (fraction) as a percentage with one decimal; a share of nothing is "—", never 0. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return new Intl.NumberFormat(intlLocale[locale], {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

export function formatDateTime(
  value: Date | string,
  options: { locale: Locale; timeZone: string },
): string {
  return new Intl.DateTimeFormat(intlLocale[options.locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(new Date(value));
}

export function formatDate(
  value: Date | string,
  options: { locale: Locale; timeZone: string },
): string {
  return new Intl.DateTimeFormat(intlLocale[options.locale], {
    dateStyle: "medium",
    timeZone: options.timeZone,
  }).format(new Date(value));
}
