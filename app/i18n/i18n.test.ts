import { describe, expect, it } from "vitest";
import { formatMoney, formatShare } from "./format";
import { localeFromAcceptLanguage, translate, translateMessage } from "./i18n";
import { en } from "./messages.en";
import { nl } from "./messages.nl";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "nl"],
    ["nl-BE", "nl"],
    ["de-DE,de;q=0.9,nl;q=0.8,en;q=0.7", "nl"],
    ["fr-BE,en;q=0.5,nl;q=0.4", "en"],
    ["en;q=0.2,nl;q=0.9", "nl"],
    ["nl;q=0", "en"],
    ["*", "en"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe("translate", () => {
  it("fills in placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "home.welcome", { name: "Sanne" })).toBe("Welcome, Sanne");
    expect(translate("nl", "home.welcome", { name: "Sanne" })).toBe("Welkom, Sanne");
    expect(translate("en", "home.welcome")).toBe("Welcome, {name}");
  });

  it("translates validation keys and passes other text through", () => {
    expect(translateMessage("en", "validation.email.required")).toBe("Enter an e-mail address.");
    expect(translateMessage("en", "Something else")).toBe("Something else");
  });

  it("has every English message in Dutch, with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
      expect(nl[key].trim(), key).not.toBe("");
    }
  });
});

describe("formatting", () => {
  it("shows money kept in cents in the reader's locale", () => {
    const plain = (text: string) => text.replace(/\s/g, " ");
    expect(plain(formatMoney(5_000_000, { locale: "nl", currency: "EUR" }))).toBe("€ 50.000,00");
    expect(formatMoney(5_000_000, { locale: "en", currency: "EUR" })).toBe("€50,000.00");
  });

  it("shows shares with one decimal, and nothing divided by zero as —", () => {
    expect(formatShare(0.3125, "en")).toBe("31.3%");
    expect(formatShare(0.3125, "nl")).toBe("31,3%");
    expect(formatShare(null, "en")).toBe("—");
    expect(formatShare(Number.NaN, "en")).toBe("—");
  });
});

describe("translatePlural", () => {
  it("follows each language's plural rules", async () => {
    const { translatePlural } = await import("./i18n");
    expect(translatePlural("en", "members.count", 1)).toBe("1 person in this workspace.");
    expect(translatePlural("en", "members.count", 7)).toBe("7 people in this workspace.");
    expect(translatePlural("nl", "members.count", 0)).toBe("0 personen in deze workspace.");
  });
});
