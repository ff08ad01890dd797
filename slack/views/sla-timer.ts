// How Slack says when an SLA obligation is due: local times in the workspace's time zone
// ("Mon 23 Nov 13:00"), short durations ("3 h"), and one line per open clock. Pure, so the lead
// message, App Home, `/baton mine` and the SLA messages all say it the same way.
import type { SlaTimer } from "../../app/leads/lead-card.server";

function parts(at: Date, timeZone: string, withTime: boolean) {
  const formatted = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  } as Intl.DateTimeFormatOptions).formatToParts(at);
  return Object.fromEntries(formatted.map((part) => [part.type, part.value]));
}

/** "Mon 23 Nov 13:00" in the workspace's time zone. */
export function formatLocalTime(at: Date, timeZone: string) {
  const p = parts(at, timeZone, true);
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** "Fri 27 Nov" in the workspace's time zone. */
export function formatLocalDate(at: Date, timeZone: string) {
  const p = parts(at, timeZone, false);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** A wall-clock span a rep reads at a glance: "45 min", "1 h 30 min", "3 h", "2 d". */
export function formatDuration(ms: number) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 10 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes - hours * 60;
    return rest >= 5 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / (24 * 60))} d`;
}

export function formatBusinessHours(hours: number) {
  return `${hours} business hour${hours === 1 ? "" : "s"}`;
}

const priority = { first_contact: 0, attempts: 1, feedback: 2 } as const;

/** The obligation a rep should act on first: first contact, then attempts, then feedback. */
export function mainSlaTimer(timers: SlaTimer[] | undefined): SlaTimer | null {
  if (!timers?.length) return null;
  return [...timers].sort(
    (a, b) => priority[a.kind] - priority[b.kind] || a.dueAt.getTime() - b.dueAt.getTime(),
  )[0] as SlaTimer;
}

export function isOverdue(timer: SlaTimer, now: Date) {
  return timer.state === "breached" || timer.dueAt.getTime() <= now.getTime();
}

/** When the due time is shown: attempts run in calendar days, so their date is enough. */
function dueLabel(timer: SlaTimer, timeZone: string) {
  return timer.kind === "attempts"
    ? formatLocalDate(timer.dueAt, timeZone)
    : formatLocalTime(timer.dueAt, timeZone);
}

/**
 * The lead message's line: "First contact due Mon 23 Nov 13:00 (4 business hours)",
 * "2 of 3 attempts, due Fri 27 Nov", "First contact late by 3 h (due Mon 23 Nov 13:00)".
 */
export function slaTimerLine(timer: SlaTimer, timeZone: string, now: Date) {
  const due = dueLabel(timer, timeZone);
  const late = isOverdue(timer, now);
  const lateBy = formatDuration(now.getTime() - timer.dueAt.getTime());
  const window = timer.businessHours ? ` (${formatBusinessHours(timer.businessHours)})` : "";
  if (timer.kind === "attempts") {
    const { made, target } = timer.attempts ?? { made: 0, target: 1 };
    return late
      ? `${made} of ${target} attempts, late by ${lateBy} (due ${due})`
      : `${made} of ${target} attempts, due ${due}`;
  }
  const what = timer.kind === "first_contact" ? "First contact" : "Feedback";
  return late ? `${what} late by ${lateBy} (due ${due})` : `${what} due ${due}${window}`;
}

/**
 * A list's timer (App Home, `/baton mine`): "⏳ first contact due in 3 h (Mon 23 Nov 13:00)" or
 * "🔴 first contact overdue by 2 h (due Mon 23 Nov 13:00)".
 */
export function slaTimerSummary(timer: SlaTimer, timeZone: string, now: Date) {
  const due = dueLabel(timer, timeZone);
  const what =
    timer.kind === "first_contact"
      ? "first contact"
      : timer.kind === "feedback"
        ? "feedback"
        : `${timer.attempts?.made ?? 0} of ${timer.attempts?.target ?? 1} attempts`;
  const span = formatDuration(now.getTime() - timer.dueAt.getTime());
  return isOverdue(timer, now)
    ? `🔴 ${what} overdue by ${span} (due ${due})`
    : `⏳ ${what} due in ${span} (${due})`;
}
