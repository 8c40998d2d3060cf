import type { MessageBlock, SlackMessage } from '../slack/blocks/slack-message.js';

/** The emoji pid1's messages use, as terminal symbols. */
const emojiSymbols: Record<string, string> = {
  white_check_mark: '✔',
  x: '✖',
  warning: '⚠',
  red_circle: '●',
  information_source: 'ℹ',
  hourglass_flowing_sand: '⏳',
  hourglass: '⌛',
  arrow_down: '↓',
  arrow_forward: '▶',
  mag: '»',
  stop_sign: '■',
  raised_hand: '✋',
  scissors: '✂',
};

/**
 * Converts pid1's Slack mrkdwn to terminal text: code blocks become lines indented by four
 * spaces, `*bold*` loses its stars, mentions become `@U123`, known emoji become symbols, and the
 * escaped `&`, `<` and `>` are restored.
 */
export function mrkdwnToTerminalText(mrkdwn: string): string {
  return mrkdwn
    .replace(/\n?```([\s\S]*?)```\n?/g, (_match, code: string) => {
      const lines = code.replace(/^\n|\n$/g, '').split('\n');
      return `\n${lines.map((line) => `    ${line}`).join('\n')}\n`;
    })
    .replace(/\u200b/g, '')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/gm, '$1$2')
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/:([a-z_]+):/g, (match, name: string) => emojiSymbols[name] ?? match)
    .replace(/\n{3,}/g, '\n\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function blockText(block: MessageBlock): string | null {
  switch (block.type) {
    case 'header':
      return `${block.text.text}\n${'='.repeat(Math.min(block.text.text.length, 72))}`;
    case 'section': {
      const parts: string[] = [];
      if (block.text !== undefined) parts.push(mrkdwnToTerminalText(block.text.text));
      for (const field of block.fields ?? []) parts.push(mrkdwnToTerminalText(field.text));
      if (block.accessory?.type === 'button') parts.push(`[${block.accessory.text.text}]`);
      return parts.join('\n');
    }
    case 'context':
      return block.elements
        .map((element) => ('text' in element ? mrkdwnToTerminalText(element.text) : ''))
        .join(' ');
    case 'actions':
      return block.elements
        .map((element) => (element.type === 'button' ? `[${element.text.text}]` : ''))
        .join(' ');
    case 'divider':
      return '-'.repeat(40);
    default:
      return null;
  }
}

/**
 * Renders a message as terminal text, block by block, separated by blank lines; a message
 * without blocks renders its text. Buttons show as `[label]`, since a terminal cannot click.
 */
export function renderSlackMessageText(message: SlackMessage): string {
  if (message.blocks === undefined || message.blocks.length === 0)
    return mrkdwnToTerminalText(message.text);
  return message.blocks
    .map(blockText)
    .filter((text): text is string => text !== null && text !== '')
    .join('\n\n');
}
