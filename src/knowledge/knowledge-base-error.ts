/** A topic file, or the set of topic files, that cannot be loaded. */
export class KnowledgeBaseError extends Error {
  /** Path of the offending topic file, when one file is at fault. */
  readonly file: string | undefined;
  /** Front matter field at fault, such as `related[2]`, when one field is. */
  readonly field: string | undefined;

  constructor(message: string, location: { file?: string; field?: string } = {}) {
    super(message);
    this.name = 'KnowledgeBaseError';
    this.file = location.file;
    this.field = location.field;
  }
}
