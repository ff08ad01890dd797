// The password field for a new account: same rules and hint on sign-up and on invitations.
import { minPasswordLength } from "../../db/enums";
import { useT } from "../i18n/use-t";
import { TextField } from "./ui/field";

export function NewPasswordField({ errors }: { errors?: string[] }) {
  const t = useT();
  return (
    <TextField
      label={t("auth.password")}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={minPasswordLength}
      hint={t("auth.passwordHint", { min: minPasswordLength })}
      errors={errors}
    />
  );
}
