import { escapeMrkdwn } from './mrkdwn-escape.js';

/**
 * Slack's Block Kit limits for messages, in characters unless named otherwise. Slack rejects a
 * message that breaks one, so every builder cuts its text to these sizes.
 */
export const blockLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  /** pid1's own cap on the notification and fallback text. */
  fallbackText: 3000,
} as const;

export const truncationNote = '… (truncated)';

/** Removes a character entity or a UTF-16 high surrogate that a cut left half-finished. */
function dropBrokenTail(text: string): string {
  const withoutEntity = text.replace(/&[a-z]{0,4}$/, '');
  const last = withoutEntity.charCodeAt(withoutEntity.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? withoutEntity.slice(0, -1) : withoutEntity;
}

/** Cuts plain text to `maxChars`, ending it with an ellipsis when it had to cut. */
export function truncatePlain(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return dropBrokenTail(text.slice(0, maxChars - 1)) + '…';
}

/**
 * Cuts escaped mrkdwn to `maxChars`, ending it with a note when it had to cut. A code block left
 * open by the cut is closed, so the rest of the message keeps its formatting.
 */
export function truncateMrkdwn(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - truncationNote.length - 4;
  let cut = dropBrokenTail(text.slice(0, room));
  const openFence = (cut.match(/```/g)?.length ?? 0) % 2 === 1;
  cut = openFence ? `${cut}\n\`\`\`` : `${cut}\n`;
  return cut + truncationNote;
}

/**
 * Formats raw text as a mrkdwn code block of at most `maxChars`. The text is escaped, and runs
 * of three backticks are broken with zero-width spaces so that the text cannot close the block.
 */
export function codeBlock(raw: string, maxChars: number = blockLimits.sectionText): string {
  const body = escapeMrkdwn(raw).replace(/```/g, '`\u200b`\u200b`');
  if (body.length + 6 <= maxChars) return `\`\`\`${body}\`\`\``;
  const note = `\n${truncationNote}`;
  const cut = dropBrokenTail(body.slice(0, maxChars - 6 - note.length));
  return `\`\`\`${cut}${note}\`\`\``;
}
