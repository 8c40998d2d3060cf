import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeBaseError } from './knowledge-base-error.js';

/**
 * Finds the repository's `prompts/` folder by walking up from `startDir` (by default this
 * module's folder) to the first folder that contains both `package.json` and `prompts/`.
 * That works from `src/knowledge/` under vitest and from `dist/src/knowledge/` after `tsc`.
 */
export function findPromptsDir(
  startDir: string = path.dirname(fileURLToPath(import.meta.url)),
): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'prompts');
    if (existsSync(path.join(dir, 'package.json')) && isDirectory(candidate)) return candidate;

    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new KnowledgeBaseError(
        `No prompts/ folder beside a package.json was found above ${startDir}. Pass the folder of the topic files to loadKnowledgeBase.`,
      );
    }
    dir = parent;
  }
}

function isDirectory(candidate: string): boolean {
  return existsSync(candidate) && statSync(candidate).isDirectory();
}
