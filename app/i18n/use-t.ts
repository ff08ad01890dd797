// The hook every component uses for text: the locale comes from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import { type Locale, type Translate, translateMessage, translator } from "./i18n";

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
