// Money, numbers and dates for people: Intl in the reader's locale and the workspace time zone.
import type { Locale } from "./i18n";

const intlLocale: Record<Locale, string> = { en: "en-GB", nl: "nl-NL" };

// Building an Intl formatter costs far more than formatting with one (a lead list page formats
// a date per row): each is built once per locale and options, and reused.
function cachedBy<Options, Format>(make: (locale: string, options: Options) => Format) {
  const formats = new Map<string, Format>();
  return (locale: Locale, options: Options) => {
    const key = `${locale} ${JSON.stringify(options)}`;
    let format = formats.get(key);
    if (!format) {
      format = make(intlLocale[locale], options);
      formats.set(key, format);
    }
    return format;
  };
}

const numberFormatFor = cachedBy(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions = {}) =>
  numberFormatFor(locale, options);
const dateFormat = cachedBy(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);

/** Money is kept in cents everywhere; only here does it become euros (or the workspace currency). */
export function formatMoney(cents: number, options: { locale: Locale; currency: string }): string {
  return numberFormat(options.locale, { style: "currency", currency: options.currency }).format(
    cents / 100,
  );
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** A share (fraction) as a percentage with one decimal; a share of nothing is "—", never 0. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

export function formatDateTime(
  value: Date | string,
  options: { locale: Locale; timeZone: string },
): string {
  return dateFormat(options.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(new Date(value));
}

export function formatDate(
  value: Date | string,
  options: { locale: Locale; timeZone: string },
): string {
  return dateFormat(options.locale, { dateStyle: "medium", timeZone: options.timeZone }).format(
    new Date(value),
  );
}
