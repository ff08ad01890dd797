// The weekly sync as an iCalendar invite (RFC 5545): one VEVENT repeating weekly, 30 minutes,
// at the local time in the workspace's zone. The zone travels along as a VTIMEZONE with its
// real offset changes (found from the zone data), so the meeting stays at 10:00 across DST.
import { tzOffset } from "@date-fns/tz";
import { type Weekday, weekdays } from "../../db/enums";
import { syncDurationMinutes } from "./schedule";

const byDay: Record<Weekday, string> = {
  monday: "MO",
  tuesday: "TU",
  wednesday: "WE",
  thursday: "TH",
  friday: "FR",
  saturday: "SA",
  sunday: "SU",
};

export interface SyncInvite {
  workspaceId: string;
  title: string;
  description: string;
  /** The page the invite links to (absolute). */
  url: string;
  timeZone: string;
  weekday: Weekday;
  /** The first occurrence. */
  firstStart: Date;
  /** DTSTAMP: when the invite was made. */
  now: Date;
}

/** Text values: backslash, semicolon, comma and new lines escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded: CRLF and one space (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "20261112T100000Z": an instant in UTC. */
function utcStamp(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(
    at.getUTCHours(),
  )}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

/** "20261112T100000": the wall-clock time of an instant at a given offset (minutes). */
function localStamp(at: Date, offsetMinutes: number): string {
  return utcStamp(new Date(at.getTime() + offsetMinutes * 60_000)).slice(0, -1);
}

/** "+0100", "-0330". */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

const offsetAt = (timeZone: string, at: Date) => tzOffset(timeZone, at);

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** The zone's offset changes in [from, to): a day-by-day scan refined to the quarter hour. */
export function offsetTransitions(timeZone: string, from: Date, to: Date): Transition[] {
  const day = 86_400_000;
  const quarter = 15 * 60_000;
  const transitions: Transition[] = [];
  let previous = offsetAt(timeZone, from);
  for (let at = from.getTime() + day; at < to.getTime() + day; at += day) {
    const offset = offsetAt(timeZone, new Date(at));
    if (offset === previous) continue;
    let step = at - day;
    while (offsetAt(timeZone, new Date(step + quarter)) === previous) step += quarter;
    transitions.push({ at: new Date(step + quarter), from: previous, to: offset });
    previous = offset;
  }
  return transitions;
}

/** The VTIMEZONE for the series: the offset before it, and every change in the next 3 years. */
function timeZoneLines(timeZone: string, firstStart: Date): string[] {
  const year = 365 * 86_400_000;
  const from = new Date(firstStart.getTime() - year);
  const base = offsetAt(timeZone, from);
  const observances: { kind: "STANDARD" | "DAYLIGHT"; start: string; from: number; to: number }[] =
    [{ kind: "STANDARD", start: "19700101T000000", from: base, to: base }];
  for (const change of offsetTransitions(
    timeZone,
    from,
    new Date(firstStart.getTime() + 3 * year),
  )) {
    observances.push({
      kind: change.to > change.from ? "DAYLIGHT" : "STANDARD",
      // The onset is written in the local time that was in force before it.
      start: localStamp(change.at, change.from),
      from: change.from,
      to: change.to,
    });
  }
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    ...observances.flatMap((observance) => [
      `BEGIN:${observance.kind}`,
      `DTSTART:${observance.start}`,
      `TZOFFSETFROM:${offsetText(observance.from)}`,
      `TZOFFSETTO:${offsetText(observance.to)}`,
      `END:${observance.kind}`,
    ]),
    "END:VTIMEZONE",
  ];
}

/** The invite as text: CRLF line endings, folded lines, ending with a CRLF. */
export function syncInviteIcs(invite: SyncInvite): string {
  if (!weekdays.includes(invite.weekday)) throw new Error(`Unknown weekday ${invite.weekday}`);
  const startOffset = offsetAt(invite.timeZone, invite.firstStart);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Baton//Weekly sync//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...timeZoneLines(invite.timeZone, invite.firstStart),
    "BEGIN:VEVENT",
    `UID:weekly-sync-${invite.workspaceId}@baton`,
    `DTSTAMP:${utcStamp(invite.now)}`,
    `DTSTART;TZID=${invite.timeZone}:${localStamp(invite.firstStart, startOffset)}`,
    `DURATION:PT${syncDurationMinutes}M`,
    `RRULE:FREQ=WEEKLY;BYDAY=${byDay[invite.weekday]}`,
    `SUMMARY:${escapeText(invite.title)}`,
    `DESCRIPTION:${escapeText(invite.description)}`,
    `URL:${invite.url}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
