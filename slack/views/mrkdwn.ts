// Slack's mrkdwn treats &, < and > as markup; a member's own words are shown as typed.
export function escapeMrkdwn(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A section's text is capped at 3,000 characters by Slack: cut on a line, with an ellipsis. */
export function fitSection(text: string, max = 3000) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const lastLine = cut.lastIndexOf("\n");
  return `${lastLine > max / 2 ? cut.slice(0, lastLine) : cut}\n…`;
}
