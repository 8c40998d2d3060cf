/** Levenshtein distance between `a` and `b`: the insertions, deletions and substitutions needed. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Returns the names that start with `word` or lie within an edit distance of a third of the
 * longer string (at least 1), closest first.
 */
export function closestNames(word: string, names: readonly string[]): string[] {
  if (word === '') return [];
  const scored = names.map((name) => ({ name, distance: editDistance(word, name) }));
  const close = scored.filter(
    ({ name, distance }) =>
      name.startsWith(word) ||
      distance <= Math.max(1, Math.floor(Math.max(word.length, name.length) / 3)),
  );
  return close.sort((left, right) => left.distance - right.distance).map(({ name }) => name);
}
