/**
 * Escapes the three characters that Slack's mrkdwn treats as control characters. Text escaped
 * this way cannot form a link, a user or channel mention, or a special mention such as
 * `<!channel>`, so user-typed and image-derived text is shown as typed and pings nobody.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses escapeMrkdwn, for text that Slack delivered escaped (command and message text). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Shows `text` as inline code: escaped, on one line, with backticks replaced by a look-alike
 * (U+02CB) because mrkdwn has no way to escape a backtick inside code.
 */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ˋ');
  return `\`${escapeMrkdwn(oneLine)}\``;
}
