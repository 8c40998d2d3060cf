import { stopWords } from './stop-words.js';

const nonWordCharacters = /[^\p{L}\p{N}]+/u;
const camelCaseBoundary = /(?<=\p{Ll})(?=\p{Lu})/u;
const lettersThenDigits = /^(\p{L}+)(\p{N}+)$/u;

/**
 * Splits text into words on every character that is neither a letter nor a digit. The default
 * minisearch tokenizer keeps backticks and `$` inside words, and topic bodies are full of them.
 */
export function splitSearchText(text: string): string[] {
  return text.split(nonWordCharacters).filter((word) => word.length > 0);
}

/**
 * Turns one word into the terms that are indexed or searched: lowercase, without stop words and
 * single letters. A camelCase word also yields its parts ("shareProcessNamespace" gives
 * "share", "process", "namespace"), and letters followed by digits yield both ("pid1" gives
 * "pid" and "1"), so either spelling finds the other.
 */
export function toSearchTerms(word: string): string[] | null {
  const lower = word.toLowerCase();
  if (stopWords.has(lower)) return null;
  if (lower.length === 1 && !/\p{N}/u.test(lower)) return null;

  const terms = new Set([lower]);
  const camelParts = word.split(camelCaseBoundary);
  if (camelParts.length > 1) {
    for (const part of camelParts) terms.add(part.toLowerCase());
  }
  const digits = lettersThenDigits.exec(lower);
  if (digits?.[1] !== undefined && digits[2] !== undefined) {
    terms.add(digits[1]);
    terms.add(digits[2]);
  }
  return [...terms];
}
