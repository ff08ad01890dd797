// Confirms deleting a routing rule, pool, pool member or margin segment before the form posts.
// Without JavaScript the dialog cannot open, so a plain button posts the same form instead.
import { Form } from "@remix-run/react";
import { Button } from "./ui/button";
import { ConfirmDialog } from "./ui/confirm-dialog";

export function RoutingDeleteDialog(props: {
  triggerLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  fields: Record<string, string>;
}) {
  return (
    <>
      <ConfirmDialog {...props} />
      <noscript>
        <Form method="post" className="inline">
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Button variant="ghost" aria-label={props.title}>
            {props.confirmLabel}
          </Button>
        </Form>
      </noscript>
    </>
  );
}
