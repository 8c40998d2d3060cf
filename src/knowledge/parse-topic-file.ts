import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { topicBodyMaxChars, topicFrontMatterSchema, type Topic } from './topic.js';
import { KnowledgeBaseError } from './knowledge-base-error.js';

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/**
 * Parses one topic file: YAML front matter between `---` lines, then the body.
 * Throws a KnowledgeBaseError naming `file` and the field at fault.
 */
export function parseTopicFile(file: string, text: string): Topic {
  const match = frontMatterPattern.exec(text.replace(/^\uFEFF/, ''));
  if (match === null) {
    throw new KnowledgeBaseError(
      `${file}: missing front matter. The file must start with a "---" line, the YAML fields and another "---" line.`,
      { file },
    );
  }
  const yamlText = match[1] ?? '';
  const body = (match[2] ?? '').trim();

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeBaseError(`${file}: front matter is not valid YAML: ${reason}`, { file });
  }

  const parsed = topicFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    let field = issue === undefined ? '' : formatFieldPath(issue.path);
    if (issue?.code === 'unrecognized_keys') field = issue.keys.join(', ');
    const where = field === '' ? 'front matter' : `front matter field "${field}"`;
    throw new KnowledgeBaseError(`${file}: ${where} is invalid: ${issue?.message ?? 'unknown'}`, {
      file,
      field: field === '' ? undefined : field,
    });
  }

  const expectedName = `${parsed.data.id}.md`;
  if (path.basename(file) !== expectedName) {
    throw new KnowledgeBaseError(
      `${file}: front matter field "id" is "${parsed.data.id}", so the file must be named ${expectedName}.`,
      { file, field: 'id' },
    );
  }

  if (body === '') {
    throw new KnowledgeBaseError(`${file}: the body after the front matter is empty.`, {
      file,
      field: 'body',
    });
  }
  if (body.length > topicBodyMaxChars) {
    throw new KnowledgeBaseError(
      `${file}: the body has ${body.length} characters, but Slack shows at most ${topicBodyMaxChars} in one section. Shorten it.`,
      { file, field: 'body' },
    );
  }

  return { ...parsed.data, body };
}

/** Formats a zod issue path as `aliases[2]`. */
function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}
