import { unescapeMrkdwn } from '../blocks/mrkdwn-escape.js';

/** Links as Slack formats them in message and command text: `<https://…|label>` or `<https://…>`. */
const linkPattern = /<((?:https?|mailto):[^|>]*)(?:\|([^>]*))?>/g;

const typographicQuotes: [RegExp, string][] = [
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
];

/**
 * Turns text as Slack delivers it into what the user typed. Slack escapes `&`, `<` and `>`,
 * wraps anything that looks like a URL or host name in link markup, and Slack clients may turn
 * straight quotes into typographic ones, so an image name like `registry.example.com/api:1.4`
 * or a quoted `--cmd "sleep 5"` would otherwise not parse. Mentions (`<@U…>`, `<!channel>`)
 * stay as they are; they are escaped again whenever pid1 shows them.
 */
export function normalizeSlackText(text: string): string {
  let plain = text.replace(linkPattern, (_match, url: string, label: string | undefined) => {
    const target = url.startsWith('mailto:') ? url.slice('mailto:'.length) : url;
    return label !== undefined && label !== '' ? label : target;
  });
  plain = unescapeMrkdwn(plain);
  for (const [pattern, replacement] of typographicQuotes)
    plain = plain.replace(pattern, replacement);
  return plain.replace(/\u00a0/g, ' ').trim();
}
