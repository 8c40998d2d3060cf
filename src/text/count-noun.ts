/** Writes `count` with the singular or plural noun: `1 zombie`, `3 zombies`. */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
