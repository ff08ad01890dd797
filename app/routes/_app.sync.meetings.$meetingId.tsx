// One weekly sync. While it runs, meeting mode: the block on the clock with its agenda and a
// visible 10-minute timer that moves on by itself, notes, decisions and action items written
// down inline, and the open action items to close. Once ended, its minutes.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useRevalidator,
} from "@remix-run/react";
import { addDays } from "date-fns/addDays";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { NotFoundError } from "../accounts/errors";
import { listMembers } from "../accounts/members.server";
import { notFound, requireMember } from "../auth/guards.server";
import { AgendaBlockOf } from "../components/sync-agenda";
import { SyncMeetingEndDialog } from "../components/sync-meeting-end-dialog";
import { SyncTabs, TextAreaField, useLocalDay } from "../components/sync-parts";
import { Button, buttonClass } from "../components/ui/button";
import { Badge, Card, PageHeader } from "../components/ui/card";
import { FormError, SelectField, TextField } from "../components/ui/field";
import { formatDateTime } from "../i18n/format";
import type { MessageKey } from "../i18n/i18n";
import { useLocale, useT } from "../i18n/use-t";
import { type FormFailure, formFailure, parseForm } from "../lib/forms";
import { closeActionItem, listActionItems } from "../sla/action-items.server";
import { SlaError } from "../sla/agreements.server";
import { localDate } from "../sla/periods";
import {
  blockTimer,
  blockToMoveOnTo,
  byBlock,
  formatTimer,
  minutesBetween,
  minutesPerBlock,
  type SyncBlock,
  syncActionItemSchema,
  syncBlocks,
  syncNoteSchema,
} from "../sync/meetings";
import {
  addSyncActionItem,
  addSyncNote,
  endSyncMeeting,
  getSyncMeeting,
  moveSyncBlock,
  SyncMeetingError,
} from "../sync/meetings.server";
import { canRunSync } from "../sync/permissions";
import { getSyncSettings } from "../sync/settings.server";

export const meta: MetaFunction = () => [{ title: "Weekly sync · Baton" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMember(request, context);
  const scope = { db: context.db, workspaceId: viewer.workspace.id };
  const detail = await getSyncMeeting({ ...scope, meetingId: params.meetingId ?? "" });
  if (!detail) notFound();
  const { agenda: _stored, ...meeting } = detail.meeting;
  const running = meeting.status === "running";
  const now = new Date();
  const timeZone = viewer.workspace.timeZone;
  const [members, openItems, settings] = running
    ? await Promise.all([
        listMembers(scope),
        listActionItems({ ...scope, show: "open" }),
        getSyncSettings(scope),
      ])
    : [[], [], null];
  // While it runs, the agenda's items show what the meeting has closed since it started.
  const status = new Map(openItems.map((item) => [item.id, item.status]));
  const agenda = running
    ? {
        ...detail.agenda,
        feedback: {
          ...detail.agenda.feedback,
          openActionItems: detail.agenda.feedback.openActionItems.map((item) => ({
            ...item,
            status:
              status.get(item.id) ??
              detail.closedDuring.find((closed) => closed.id === item.id)?.status ??
              item.status,
          })),
        },
      }
    : detail.agenda;
  return {
    meeting,
    agenda,
    facilitatorName: detail.facilitatorName,
    notes: detail.notes,
    actionItems: detail.actionItems,
    closedDuring: detail.closedDuring,
    openItems,
    members: members.map((member) => ({ id: member.userId, name: member.name })),
    channel: settings?.slackChannelId ?? null,
    canRun: canRunSync(
      { userId: viewer.user.id, membership: viewer.membership },
      meeting.facilitatorUserId,
    ),
    serverNow: now,
    today: localDate(now, timeZone),
    nextWeek: localDate(addDays(now, 7), timeZone),
    timeZone,
  };
}

const blockField = z.coerce
  .number<string>({ error: "sync.meeting.errors.block" })
  .int({ error: "sync.meeting.errors.block" })
  .min(1, { error: "sync.meeting.errors.block" })
  .max(3, { error: "sync.meeting.errors.block" })
  .transform((block) => block as SyncBlock);

const moveSchema = z.object({ from: blockField, to: blockField });

const closeSchema = z.object({
  actionItemId: z.uuid({ error: "validation.id.invalid" }),
  status: z.enum(["done", "dropped"], { error: "validation.intent.invalid" }),
});

const intents = ["move", "note", "action_item", "close_item", "end"] as const;
type Intent = (typeof intents)[number];

export type MeetingActionResult =
  | { ok: true; intent: Intent; message?: MessageKey }
  | (FormFailure & { intent: Intent });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireMember(request, context);
  const formData = await request.formData();
  const intent = z.enum(intents).safeParse(formData.get("intent"));
  if (!intent.success) throw data({ message: "validation.intent.invalid" }, { status: 400 });
  const base = {
    db: context.db,
    workspaceId: viewer.workspace.id,
    actorUserId: viewer.user.id,
    meetingId: params.meetingId ?? "",
  };
  const detail = await getSyncMeeting(base);
  if (!detail) notFound();
  const runner = canRunSync(
    { userId: viewer.user.id, membership: viewer.membership },
    detail.meeting.facilitatorUserId,
  );
  const fail = (failure: FormFailure, status = 400) =>
    data<MeetingActionResult>({ ...failure, intent: intent.data }, { status });
  const ok = (message?: MessageKey) =>
    data<MeetingActionResult>({ ok: true, intent: intent.data, message });
  if (["move", "close_item", "end"].includes(intent.data) && !runner)
    throw data({ message: "forbidden" }, { status: 403 });
  try {
    switch (intent.data) {
      case "move": {
        const parsed = parseForm(moveSchema, formData);
        if (!parsed.ok) return fail(parsed);
        await moveSyncBlock({ ...base, ...parsed.data });
        return ok();
      }
      case "note": {
        const parsed = parseForm(syncNoteSchema, formData);
        if (!parsed.ok) return fail(parsed);
        await addSyncNote({ ...base, input: parsed.data });
        return ok(
          parsed.data.kind === "decision" ? "sync.meeting.decisionSaved" : "sync.meeting.noteSaved",
        );
      }
      case "action_item": {
        const parsed = parseForm(syncActionItemSchema, formData);
        if (!parsed.ok) return fail(parsed);
        await addSyncActionItem({ ...base, input: parsed.data });
        return ok("sync.meeting.actionItemSaved");
      }
      case "close_item": {
        const parsed = parseForm(closeSchema, formData);
        if (!parsed.ok) return fail(parsed);
        if (detail.meeting.status !== "running")
          return fail(formFailure(formData, { message: "sync.meeting.errors.ended" }), 409);
        await closeActionItem({
          ...base,
          actionItemId: parsed.data.actionItemId,
          status: parsed.data.status,
        });
        return ok();
      }
      case "end":
        await endSyncMeeting(base);
        return redirect(`/sync/meetings/${base.meetingId}`);
    }
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof SyncMeetingError)
      return fail(
        formFailure(formData, { field: error.field, message: error.messageKey }),
        error.field ? 400 : 409,
      );
    if (error instanceof SlaError)
      return fail(formFailure(formData, { message: error.messageKey }), 409);
    throw error;
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
const blockTitles: Record<SyncBlock, MessageKey> = {
  1: "sync.agenda.block1",
  2: "sync.agenda.block2",
  3: "sync.agenda.block3",
};

/** The clock as the server sees it, ticking every second in the browser. */
function useServerNow(serverNow: Date) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const offset = serverNow.getTime() - Date.now();
    const tick = () => setNow(new Date(Date.now() + offset));
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [serverNow]);
  // Fresh data (a block just moved) is never shown against an older tick.
  return now < serverNow ? serverNow : now;
}

/** Other screens in the same meeting add notes and move blocks: look again every few seconds. */
function useLiveMeeting(intervalMs = 5000) {
  const { revalidate, state } = useRevalidator();
  const idle = useRef(state === "idle");
  idle.current = state === "idle";
  useEffect(() => {
    const id = setInterval(() => {
      if (idle.current && document.visibilityState === "visible") revalidate();
    }, intervalMs);
    return () => clearInterval(id);
  }, [revalidate, intervalMs]);
}

function BlockTimerBadge({
  meeting,
  now,
  canRun,
}: {
  meeting: LoaderData["meeting"];
  now: Date;
  canRun: boolean;
}) {
  const t = useT();
  const timer = blockTimer(meeting, now);
  const moveOnTo = blockToMoveOnTo(meeting, now);
  const fetcher = useFetcher<MeetingActionResult>();
  const asked = useRef<string | null>(null);
  // When the block's ten minutes are up, the meeting moves on; every screen asks, one move counts.
  useEffect(() => {
    const key = `${meeting.currentBlock}:${new Date(meeting.blockStartedAt).getTime()}`;
    if (!canRun || moveOnTo === null || asked.current === key) return;
    asked.current = key;
    fetcher.submit(
      { intent: "move", from: String(meeting.currentBlock), to: String(moveOnTo) },
      { method: "post" },
    );
  }, [canRun, moveOnTo, meeting.currentBlock, meeting.blockStartedAt, fetcher]);
  return (
    <span
      role="timer"
      aria-live="off"
      data-testid="block-timer"
      className={`rounded-md px-3 py-1 font-mono text-2xl font-semibold tabular-nums ${timer.overtime ? "bg-red-50 text-red-700" : "bg-brand-50 text-brand-700"}`}
      title={timer.overtime ? t("sync.meeting.overtime") : t("sync.meeting.timeLeft")}
    >
      {formatTimer(timer.remainingMs)}
    </span>
  );
}

function BlockStepper({
  meeting,
  now,
  canRun,
}: {
  meeting: LoaderData["meeting"];
  now: Date;
  canRun: boolean;
}) {
  const t = useT();
  const spent = minutesPerBlock(meeting.blockTimings, now);
  return (
    <ol className="grid gap-2 sm:grid-cols-3" aria-label={t("sync.meeting.blocks")}>
      {syncBlocks.map((block) => {
        const current = meeting.currentBlock === block;
        const label = (
          <>
            <span className="block font-medium">{t(blockTitles[block])}</span>
            <span className="block text-xs text-slate-500">
              {t("sync.meeting.spent", { minutes: spent[block] })}
            </span>
          </>
        );
        const className = `w-full rounded-md px-3 py-2 text-left text-sm ring-1 ${current ? "bg-brand-50 text-brand-900 ring-brand-500" : "bg-white text-slate-700 ring-slate-200"}`;
        return (
          <li key={block} aria-current={current ? "step" : undefined}>
            {canRun && !current ? (
              <Form method="post">
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="from" value={meeting.currentBlock} />
                <input type="hidden" name="to" value={block} />
                <button type="submit" className={`${className} hover:bg-slate-50`}>
                  {label}
                </button>
              </Form>
            ) : (
              <div className={className}>{label}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A form posted with a fetcher that empties itself once the entry is stored; without JavaScript
 * it posts as a plain form and the page comes back with its errors.
 */
function InlineForm({
  intent,
  label,
  children,
}: {
  intent: "note" | "action_item";
  label: string;
  children: (failure: (FormFailure & { intent: Intent }) | undefined) => ReactNode;
}) {
  const fetcher = useFetcher<MeetingActionResult>();
  const posted = useActionData<MeetingActionResult>();
  const form = useRef<HTMLFormElement>(null);
  const result = fetcher.data ?? posted;
  const failure = result && !result.ok && result.intent === intent ? result : undefined;
  useEffect(() => {
    if (fetcher.state === "idle" && result?.ok) form.current?.reset();
  }, [fetcher.state, result]);
  return (
    <fetcher.Form method="post" ref={form} className="space-y-3" aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      {failure?.formError ? <FormError message={failure.formError} /> : null}
      {children(failure)}
    </fetcher.Form>
  );
}

function NoteForm({ block }: { block: SyncBlock }) {
  const t = useT();
  return (
    <InlineForm intent="note" label={t("sync.meeting.noteForm")}>
      {(failure) => (
        <>
          <input type="hidden" name="block" value={block} />
          <TextAreaField
            label={t("sync.meeting.fields.body")}
            name="body"
            rows={2}
            required
            maxLength={2000}
            defaultValue={failure?.values.body}
            errors={failure?.fieldErrors.body}
          />
          <div className="flex flex-wrap gap-2">
            <Button name="kind" value="note" variant="secondary">
              {t("sync.meeting.addNote")}
            </Button>
            <Button name="kind" value="decision" variant="secondary">
              {t("sync.meeting.addDecision")}
            </Button>
          </div>
        </>
      )}
    </InlineForm>
  );
}

function ActionItemForm({
  block,
  members,
  nextWeek,
}: {
  block: SyncBlock;
  members: LoaderData["members"];
  nextWeek: string;
}) {
  const t = useT();
  return (
    <InlineForm intent="action_item" label={t("sync.meeting.actionItemForm")}>
      {(failure) => (
        <>
          <input type="hidden" name="block" value={block} />
          <TextField
            label={t("sync.meeting.fields.title")}
            name="title"
            required
            maxLength={300}
            defaultValue={failure?.values.title}
            errors={failure?.fieldErrors.title}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t("sync.meeting.fields.owner")}
              name="ownerUserId"
              required
              defaultValue={failure?.values.ownerUserId ?? ""}
              errors={failure?.fieldErrors.ownerUserId}
            >
              <option value="" disabled>
                {t("sync.meeting.fields.chooseOwner")}
              </option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("sync.meeting.fields.dueOn")}
              name="dueOn"
              type="date"
              required
              defaultValue={failure?.values.dueOn ?? nextWeek}
              errors={failure?.fieldErrors.dueOn}
            />
          </div>
          <Button variant="secondary">{t("sync.meeting.addActionItem")}</Button>
        </>
      )}
    </InlineForm>
  );
}

type Note = LoaderData["notes"][number];
type Item = LoaderData["actionItems"][number];

function WrittenDown({
  notes,
  items,
  timeZone,
  empty,
}: {
  notes: Note[];
  items: Item[];
  timeZone: string;
  empty?: string;
}) {
  const t = useT();
  const day = useLocalDay(timeZone);
  const decisions = notes.filter((note) => note.kind === "decision");
  const plain = notes.filter((note) => note.kind === "note");
  if (notes.length === 0 && items.length === 0)
    return empty ? <p className="text-sm text-slate-500">{empty}</p> : null;
  return (
    <div className="space-y-3 text-sm">
      {decisions.length > 0 ? (
        <div>
          <h4 className="font-medium text-slate-900">{t("sync.meeting.decisions")}</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="decisions">
            {decisions.map((note) => (
              <li key={note.id} className="font-medium text-slate-900">
                {note.body}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plain.length > 0 ? (
        <div>
          <h4 className="font-medium text-slate-900">{t("sync.meeting.notes")}</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="notes">
            {plain.map((note) => (
              <li key={note.id}>
                {note.body}
                {note.authorName ? (
                  <span className="text-slate-500"> · {note.authorName}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {items.length > 0 ? (
        <div>
          <h4 className="font-medium text-slate-900">{t("sync.meeting.actionItems")}</h4>
          <ul className="mt-1 space-y-1" data-testid="action-items">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-2">
                <span className="text-slate-900">{item.title}</span>
                <span className="text-slate-500">
                  · {item.ownerName ?? t("sync.meeting.noOwner")}
                  {item.dueOn ? ` · ${t("sync.agenda.due", { date: day(item.dueOn) })}` : ""}
                </span>
                {item.status !== "open" ? (
                  <Badge tone={item.status === "done" ? "green" : "slate"}>
                    {t(`sla.actions.status.${item.status}`)}
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function OpenItems({
  items,
  canRun,
  timeZone,
}: {
  items: LoaderData["openItems"];
  canRun: boolean;
  timeZone: string;
}) {
  const t = useT();
  const day = useLocalDay(timeZone);
  return (
    <Card title={t("sync.meeting.openItems")} description={t("sync.meeting.openItemsHint")}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("sync.agenda.noActionItems")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="open-items">
          {items.map((item) => (
            <li key={item.id} className="py-2">
              <p className="text-slate-900">{item.title}</p>
              <p className="text-xs text-slate-500">
                {item.ownerName ?? t("sync.meeting.noOwner")}
                {item.dueOn ? ` · ${t("sync.agenda.due", { date: day(item.dueOn) })}` : ""}
              </p>
              {canRun ? (
                <Form method="post" className="mt-1 flex gap-2">
                  <input type="hidden" name="intent" value="close_item" />
                  <input type="hidden" name="actionItemId" value={item.id} />
                  <Button
                    name="status"
                    value="done"
                    variant="ghost"
                    className="!px-2 !py-1 text-xs"
                    aria-label={t("sync.meeting.markDoneNamed", { title: item.title })}
                  >
                    {t("sync.meeting.markDone")}
                  </Button>
                  <Button
                    name="status"
                    value="dropped"
                    variant="ghost"
                    className="!px-2 !py-1 text-xs"
                    aria-label={t("sync.meeting.dropNamed", { title: item.title })}
                  >
                    {t("sync.meeting.drop")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function MeetingMode(props: LoaderData) {
  const t = useT();
  const locale = useLocale();
  const { meeting, agenda, notes, actionItems, canRun, timeZone } = props;
  const now = useServerNow(props.serverNow);
  useLiveMeeting();
  const block = meeting.currentBlock as SyncBlock;
  const notesByBlock = byBlock(notes);
  const itemsByBlock = byBlock(actionItems);
  const day = useLocalDay(timeZone);
  return (
    <>
      <PageHeader
        title={t("sync.meeting.title", { date: day(meeting.weekStart) })}
        description={t("sync.meeting.runningSince", {
          when: formatDateTime(meeting.startedAt, { locale, timeZone }),
          minutes: minutesBetween(meeting.startedAt, now),
        })}
        actions={canRun ? <SyncMeetingEndDialog channel={props.channel} /> : null}
      />
      <SyncTabs />
      <div className="space-y-6">
        <BlockStepper meeting={meeting} now={now} canRun={canRun} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <AgendaBlockOf
              agenda={agenda}
              block={block}
              highlighted
              badge={<BlockTimerBadge meeting={meeting} now={now} canRun={canRun} />}
              footer={
                <div className="space-y-5">
                  <WrittenDown
                    notes={notesByBlock[block]}
                    items={itemsByBlock[block]}
                    timeZone={timeZone}
                    empty={t("sync.meeting.nothingYet")}
                  />
                  <NoteForm block={block} />
                  <ActionItemForm block={block} members={props.members} nextWeek={props.nextWeek} />
                </div>
              }
            />
            {canRun ? (
              <div className="flex justify-between">
                {block > 1 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="from" value={block} />
                    <input type="hidden" name="to" value={block - 1} />
                    <Button variant="secondary">{t("sync.meeting.previous")}</Button>
                  </Form>
                ) : (
                  <span />
                )}
                {block < 3 ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="from" value={block} />
                    <input type="hidden" name="to" value={block + 1} />
                    <Button>{t("sync.meeting.next")}</Button>
                  </Form>
                ) : (
                  <SyncMeetingEndDialog channel={props.channel} />
                )}
              </div>
            ) : null}
          </div>
          <div className="space-y-6">
            <OpenItems items={props.openItems} canRun={canRun} timeZone={timeZone} />
            {syncBlocks
              .filter((other) => other !== block)
              .map((other) => (
                <Card key={other} title={t(blockTitles[other])}>
                  <WrittenDown
                    notes={notesByBlock[other]}
                    items={itemsByBlock[other]}
                    timeZone={timeZone}
                    empty={t("sync.meeting.nothingYet")}
                  />
                </Card>
              ))}
          </div>
        </div>
      </div>
    </>
  );
}

function Minutes(props: LoaderData) {
  const t = useT();
  const locale = useLocale();
  const { meeting, agenda, notes, actionItems, closedDuring, timeZone } = props;
  const day = useLocalDay(timeZone);
  const ended = meeting.endedAt ?? props.serverNow;
  const spent = minutesPerBlock(meeting.blockTimings, ended);
  const notesByBlock = byBlock(notes);
  const itemsByBlock = byBlock(actionItems);
  // A form posted from a screen that had not seen the end yet.
  const posted = useActionData<MeetingActionResult>();
  return (
    <>
      {posted && !posted.ok ? (
        <div className="mb-6">
          <FormError message={posted.formError} />
        </div>
      ) : null}
      <PageHeader
        title={t("sync.minutes.title", { date: day(meeting.weekStart) })}
        description={t("sync.minutes.held", {
          when: formatDateTime(meeting.startedAt, { locale, timeZone }),
          minutes: minutesBetween(meeting.startedAt, ended),
          facilitator: props.facilitatorName ?? "—",
        })}
        actions={
          <Link to="/sync/meetings" className={buttonClass("secondary")}>
            {t("sync.minutes.all")}
          </Link>
        }
      />
      <SyncTabs />
      <div className="space-y-6" data-testid="minutes">
        {syncBlocks.map((block) => (
          <Card
            key={block}
            title={t(blockTitles[block])}
            actions={<Badge>{t("sync.meeting.spent", { minutes: spent[block] })}</Badge>}
          >
            <WrittenDown
              notes={notesByBlock[block]}
              items={itemsByBlock[block]}
              timeZone={timeZone}
              empty={t("sync.minutes.nothing")}
            />
          </Card>
        ))}
        {closedDuring.length > 0 ? (
          <Card title={t("sync.minutes.closed")}>
            <ul className="space-y-1 text-sm" data-testid="closed-during">
              {closedDuring.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2">
                  <span>{item.title}</span>
                  <Badge tone={item.status === "done" ? "green" : "slate"}>
                    {t(`sla.actions.status.${item.status}`)}
                  </Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <details className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">
            {t("sync.minutes.agenda")}
          </summary>
          <div className="mt-4 space-y-4">
            {syncBlocks.map((block) => (
              <AgendaBlockOf key={block} agenda={agenda} block={block} />
            ))}
          </div>
        </details>
      </div>
    </>
  );
}

export default function SyncMeetingPage() {
  const loaded = useLoaderData<typeof loader>();
  return loaded.meeting.status === "running" ? (
    <MeetingMode {...loaded} />
  ) : (
    <Minutes {...loaded} />
  );
}
