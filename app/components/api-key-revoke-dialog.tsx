// Confirms revoking an API key: integrations using it stop at once.
import { Form } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { Button } from "./ui/button";
import { Dialog, DialogClose } from "./ui/dialog";

export function ApiKeyRevokeDialog({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const t = useT();
  return (
    <Dialog
      trigger={
        <Button type="button" variant="ghost">
          {t("apiKeys.revoke.button")}
        </Button>
      }
      title={t("apiKeys.revoke.title", { name })}
      description={t("apiKeys.revoke.description")}
    >
      <Form method="post" className="flex justify-end gap-3">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="apiKeyId" value={apiKeyId} />
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {t("common.cancel")}
          </Button>
        </DialogClose>
        <Button variant="danger">{t("apiKeys.revoke.confirm")}</Button>
      </Form>
    </Dialog>
  );
}
