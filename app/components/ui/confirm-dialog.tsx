// A confirmation dialog whose confirm button posts a small form to the current route's action.
import { Form } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { Button } from "./button";
import { Dialog, DialogClose } from "./dialog";

interface ConfirmDialogProps {
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** Hidden fields the form posts, e.g. { intent: "remove", membershipId }. */
  fields: Record<string, string>;
}

export function ConfirmDialog({
  triggerLabel,
  title,
  description,
  confirmLabel,
  fields,
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      trigger={
        <Button type="button" variant="ghost">
          {triggerLabel}
        </Button>
      }
      title={title}
      description={description}
    >
      <Form method="post" className="flex justify-end gap-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("common.cancel")}
          </Button>
        </DialogClose>
        <Button variant="danger">{confirmLabel}</Button>
      </Form>
    </Dialog>
  );
}
