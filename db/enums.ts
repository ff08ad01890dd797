// Value lists shared by the schema, the domain and the browser bundle (no drizzle import here,
// so the client does not ship the ORM).
export const memberRoles = ["admin", "marketing", "sales", "leadership"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const weekdays = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof weekdays)[number];
/** Opening hours per weekday in the workspace time zone ("HH:MM"); null means closed. */
export type BusinessHours = Record<Weekday, { open: string; close: string } | null>;

export const minPasswordLength = 10;
