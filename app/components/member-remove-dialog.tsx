// Confirms removing a member before the form posts.
import { useT } from "../i18n/use-t";
import { ConfirmDialog } from "./ui/confirm-dialog";

export function MemberRemoveDialog({ membershipId, name }: { membershipId: string; name: string }) {
  const t = useT();
  return (
    <ConfirmDialog
      triggerLabel={t("members.remove.button")}
      title={t("members.remove.title", { name })}
      description={t("members.remove.description")}
      confirmLabel={t("members.remove.confirm")}
      fields={{ intent: "remove", membershipId }}
    />
  );
}
