/** A user mention in Slack's markup: `<@U123>` or `<@U123|name>`. */
const mentionPattern = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;

/**
 * Removes the mention that addressed the bot from a message's text, and a leading `/pid1` that
 * a user may type out of habit, leaving the command or question. Without a valid bot user id,
 * the first mention is taken to be the bot's.
 */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  let rest = text.trim();
  const knownId = botUserId !== undefined && /^[UW][A-Z0-9]+$/.test(botUserId);
  const pattern = knownId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`) : mentionPattern;
  const match = pattern.exec(rest);
  if (match !== null) {
    const before = rest.slice(0, match.index).trimEnd();
    const after = rest.slice(match.index + match[0].length).trimStart();
    rest = `${before} ${after}`;
  }
  return rest.trim().replace(/^\/pid1(?:\s+|$)/i, '');
}
