// Ending the weekly sync: a confirmation that says where the minutes go, posting to the meeting's
// action. Ending is final: the minutes are kept and the meeting takes no more notes.
import { Form } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { Button } from "./ui/button";
import { Dialog, DialogClose } from "./ui/dialog";

export function SyncMeetingEndDialog({ channel }: { channel: string | null }) {
  const t = useT();
  return (
    <Dialog
      trigger={<Button type="button">{t("sync.meeting.end")}</Button>}
      title={t("sync.meeting.endTitle")}
      description={
        channel
          ? t("sync.meeting.endDescriptionChannel", { channel })
          : t("sync.meeting.endDescription")
      }
    >
      <Form method="post" className="flex justify-end gap-3">
        <input type="hidden" name="intent" value="end" />
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("common.cancel")}
          </Button>
        </DialogClose>
        <Button>{t("sync.meeting.endConfirm")}</Button>
      </Form>
    </Dialog>
  );
}
