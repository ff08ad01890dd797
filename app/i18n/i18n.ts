// The message catalogue: every UI string has a key, English and Dutch are always complete
// (the Dutch catalogue is typed against the English one), and {name} placeholders are filled in.
import { en, type MessageKey } from "./messages.en";
import { nl } from "./messages.nl";

export const locales = ["en", "nl"] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, nl };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks `<key>.one` or `<key>.other` by the locale's plural rules and fills in {count}. */
export function translatePlural(
  locale: Locale,
  key: PluralKey,
  count: number,
  params?: MessageParams,
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const candidate = `${key}.${category}`;
  const chosen = isMessageKey(candidate) ? candidate : (`${key}.other` as MessageKey);
  return translate(locale, chosen, { count, ...params });
}

/** Keys that come as a `.one` / `.other` pair. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.other`
    ? Base
    : never
  : never;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/**
 * Validation messages in zod schemas are catalogue keys, so the web shows them in the user's
 * language and the API and CLI in English; anything else passes through unchanged.
 */
export function translateMessage(locale: Locale, message: string): string {
  return isMessageKey(message) ? translate(locale, message) : message;
}

/** Picks the best supported locale from an Accept-Language header ("nl-BE,nl;q=0.9,en;q=0.8"). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (isLocale(language)) return language;
  }
  return "en";
}
