// Confirms revoking an API key: integrations using it stop at once.
import { useT } from "../i18n/use-t";
import { ConfirmDialog } from "./ui/confirm-dialog";

export function ApiKeyRevokeDialog({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const t = useT();
  return (
    <ConfirmDialog
      triggerLabel={t("apiKeys.revoke.button")}
      title={t("apiKeys.revoke.title", { name })}
      description={t("apiKeys.revoke.description")}
      confirmLabel={t("apiKeys.revoke.confirm")}
      fields={{ intent: "revoke", apiKeyId }}
    />
  );
}
