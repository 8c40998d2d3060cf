import shellQuote from 'shell-quote';
import { Pid1Error, quoteForMessage } from '../errors.js';

/**
 * Splits `text` into words as a POSIX shell would (quotes, backslashes), without running a shell:
 * `$NAME` stays literal, and operators such as `|`, `;`, `&&` or `>` are rejected because only a
 * shell could carry them out. `what` names the input in messages.
 */
export function splitWords(text: string, what: string): string[] {
  const words: string[] = [];
  for (const entry of shellQuote.parse(text, (name) => `$${name}`)) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else {
      const operator = 'op' in entry ? entry.op : '#';
      throw new Pid1Error(
        'invalid-option',
        `${what} ${quoteForMessage(text)} is invalid: it contains the shell operator '${operator}', and pid1 never runs a shell; to use one, write it out: ${what} "sh -c '…'".`,
      );
    }
  }
  return words;
}
