// The hook every component uses for text: the locale comes from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import {
  type Locale,
  type MessageParams,
  type PluralKey,
  type Translate,
  translateMessage,
  translatePlural,
  translator,
} from "./i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "en";
}

export function useT(): Translate {
  return translator(useLocale());
}

/** For validation messages, which are catalogue keys or plain text. */
export function useMessage(): (message: string) => string {
  const locale = useLocale();
  return (message) => translateMessage(locale, message);
}

/** Count-dependent text: `tp("members.count", 1)` → "1 person in this workspace." */
export function usePlural(): (key: PluralKey, count: number, params?: MessageParams) => string {
  const locale = useLocale();
  return (key, count, params) => translatePlural(locale, key, count, params);
}
