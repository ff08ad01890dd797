// Confirms removing a member before the form posts.
import { Form } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { Button } from "./ui/button";
import { Dialog, DialogClose } from "./ui/dialog";

export function MemberRemoveDialog({ membershipId, name }: { membershipId: string; name: string }) {
  const t = useT();
  return (
    <Dialog
      trigger={
        <Button type="button" variant="ghost">
          {t("members.remove.button")}
        </Button>
      }
      title={t("members.remove.title", { name })}
      description={t("members.remove.description")}
    >
      <Form method="post" className="flex justify-end gap-3">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="membershipId" value={membershipId} />
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("common.cancel")}
          </Button>
        </DialogClose>
        <Button variant="danger">{t("members.remove.confirm")}</Button>
      </Form>
    </Dialog>
  );
}
