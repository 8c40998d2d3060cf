import shellQuote from 'shell-quote';

/** Formats `argv` as a Dockerfile exec-form array: `["a", "b"]`. */
export function execForm(argv: string[]): string {
  return `[${argv.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** Splits a shell-form script into words when it is one plain command, else returns null. */
export function plainCommandWords(script: string): string[] | null {
  if (/[$`\\]/.test(script)) return null;
  const words = shellQuote.parse(script);
  if (words.length === 0 || words.some((word) => typeof word !== 'string')) return null;
  return words as string[];
}

/**
 * Returns the ENTRYPOINT that puts tini in front of what runs now, keeping CMD as it is. `wholeGroup`
 * adds `-g`, so tini signals the child's whole process group, which reaches an app started by a
 * script that does not pass signals on.
 */
export function tiniEntrypoint(entrypoint: string[] | null, wholeGroup = false): string {
  const tini = wholeGroup ? ['tini', '-g', '--'] : ['tini', '--'];
  return `ENTRYPOINT ${execForm([...tini, ...(entrypoint ?? [])])}`;
}

/** Explains where tini comes from, for fixes that add it. */
export const tiniNote =
  'Install tini first (Debian and Ubuntu: `apt-get install -y tini`, Alpine: `apk add tini`), or keep the image and run it with `docker run --init`.';

/** Joins argv for display, quoting words with spaces. */
export function showCommand(argv: string[]): string {
  return argv
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word)))
    .join(' ');
}
