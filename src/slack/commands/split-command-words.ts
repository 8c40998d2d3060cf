import { parse } from 'shell-quote';
import { Pid1Error, quoteForMessage } from '../../errors.js';

/** Returns the quote character left open at the end of `text`, or null when all are closed. */
function unclosedQuote(text: string): string | null {
  let open: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (open === "'") {
      if (char === "'") open = null;
    } else if (char === '\\') {
      i += 1;
    } else if (open === '"') {
      if (char === '"') open = null;
    } else if (char === '"' || char === "'") {
      open = char;
    }
  }
  return open;
}

/**
 * Splits command text into words as a POSIX shell would, without running one: quotes group
 * words and a backslash escapes the next character. `$NAME` stays literal, and a glob stays the
 * pattern as typed. Shell operators (`|`, `;`, `&&`, `>`, `$(`…) and comments are rejected,
 * because pid1 never runs a shell and silently dropping them would change the command.
 */
export function splitCommandWords(text: string): string[] {
  const quote = unclosedQuote(text);
  if (quote !== null) {
    throw new Pid1Error(
      'invalid-argument',
      `The command has an unclosed ${quote} quote: close it, or escape it with a backslash.`,
    );
  }
  const words: string[] = [];
  for (const entry of parse(text, (name) => `$${name}`)) {
    if (typeof entry === 'string') {
      words.push(entry);
    } else if ('op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else if ('op' in entry) {
      throw new Pid1Error(
        'invalid-argument',
        `Shell operator ${quoteForMessage(entry.op)} is not allowed: pid1 runs no shell, so quote it if it is part of an argument.`,
      );
    } else {
      throw new Pid1Error(
        'invalid-argument',
        `A word starting with # is read as a comment: quote it, as in "#${entry.comment.slice(0, 20)}".`,
      );
    }
  }
  return words;
}
