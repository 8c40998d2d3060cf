import { describe, expect, test } from 'vitest';
import { Pid1Error } from '../../../src/errors.js';
import { maxReferenceLength, parseImageReference } from '../../../src/diagnosis/image-reference.js';

const hex64 = 'a1'.repeat(32);

/** Returns the Pid1Error that parsing `input` throws, or fails the test when it throws none. */
function parseError(input: string): Pid1Error {
  try {
    parseImageReference(input);
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error(`parseImageReference accepted ${JSON.stringify(input.slice(0, 80))}`);
}

describe('parseImageReference valid', () => {
  test.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/library/nginx:latest', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['pid1-case/nginx', 'docker.io/pid1-case/nginx:latest'],
    ['  nginx  ', 'docker.io/library/nginx:latest'],
    ['a__b-c/d.e---f', 'docker.io/a__b-c/d.e---f:latest'],
  ])('%s normalizes to %s', (input, normalized) => {
    const reference = parseImageReference(input);
    expect(reference.normalized).toBe(normalized);
    expect(reference.engineName).toBe(normalized);
    expect(reference.imageId).toBeNull();
  });

  test('official image fields', () => {
    const reference = parseImageReference('nginx:1.27');
    expect(reference.raw).toBe('nginx:1.27');
    expect(reference.domain).toBe('docker.io');
    expect(reference.path).toBe('library/nginx');
    expect(reference.tag).toBe('1.27');
    expect(reference.digest).toBeNull();
  });

  test('registry with port', () => {
    const reference = parseImageReference('localhost:5000/a/b:tag');
    expect(reference.domain).toBe('localhost:5000');
    expect(reference.path).toBe('a/b');
    expect(reference.tag).toBe('tag');
    expect(reference.normalized).toBe('localhost:5000/a/b:tag');
  });

  test('bare localhost registry', () => {
    const reference = parseImageReference('localhost/a');
    expect(reference.domain).toBe('localhost');
    expect(reference.path).toBe('a');
  });

  test('IPv6 registry with port', () => {
    const reference = parseImageReference('[::1]:5000/x');
    expect(reference.domain).toBe('[::1]:5000');
    expect(reference.path).toBe('x');
    expect(reference.normalized).toBe('[::1]:5000/x:latest');
  });

  test('IPv6 registry without port', () => {
    const reference = parseImageReference('[fd00::1]/x');
    expect(reference.domain).toBe('[fd00::1]');
    expect(reference.path).toBe('x');
  });

  test('digest without tag', () => {
    const reference = parseImageReference(`ghcr.io/org/app@sha256:${hex64}`);
    expect(reference.domain).toBe('ghcr.io');
    expect(reference.path).toBe('org/app');
    expect(reference.tag).toBeNull();
    expect(reference.digest).toBe(`sha256:${hex64}`);
    expect(reference.normalized).toBe(`ghcr.io/org/app@sha256:${hex64}`);
    expect(reference.imageId).toBeNull();
  });

  test('tag and digest together', () => {
    const reference = parseImageReference(`nginx:1.27@sha256:${hex64}`);
    expect(reference.tag).toBe('1.27');
    expect(reference.digest).toBe(`sha256:${hex64}`);
    expect(reference.normalized).toBe(`docker.io/library/nginx:1.27@sha256:${hex64}`);
  });

  test('tag of exactly 128 characters', () => {
    const tag = `v${'x'.repeat(127)}`;
    const reference = parseImageReference(`nginx:${tag}`);
    expect(reference.tag).toBe(tag);
    expect(reference.tag).toHaveLength(128);
  });

  test('uppercase registry host kept', () => {
    const reference = parseImageReference('Registry.Example.com/team/app');
    expect(reference.domain).toBe('Registry.Example.com');
    expect(reference.path).toBe('team/app');
  });

  test('name of exactly 255 characters', () => {
    const name = `a/${'b'.repeat(253)}`;
    const reference = parseImageReference(name);
    expect(reference.path).toBe(name);
  });
});

describe('parseImageReference image id', () => {
  test('64 hex digits become an image id', () => {
    const reference = parseImageReference(hex64);
    expect(reference.imageId).toBe(`sha256:${hex64}`);
    expect(reference.engineName).toBe(`sha256:${hex64}`);
    expect(reference.normalized).toBe(`sha256:${hex64}`);
    expect(reference.domain).toBe('');
    expect(reference.tag).toBeNull();
  });

  test('sha256 prefix kept', () => {
    const reference = parseImageReference(`sha256:${hex64}`);
    expect(reference.imageId).toBe(`sha256:${hex64}`);
    expect(reference.engineName).toBe(`sha256:${hex64}`);
  });

  test('63 hex digits are a repository name', () => {
    const reference = parseImageReference(hex64.slice(1));
    expect(reference.imageId).toBeNull();
    expect(reference.path).toBe(`library/${hex64.slice(1)}`);
  });
});

describe('parseImageReference invalid', () => {
  test.each([
    [
      'Ubuntu:22.04',
      "Image reference 'Ubuntu:22.04' is invalid: repository names must be lowercase.",
    ],
    ['', "Image reference '' is invalid: it is empty; name an image such as nginx:1.27."],
    ['   ', "Image reference '   ' is invalid: it is empty; name an image such as nginx:1.27."],
    [
      '-rm',
      'Image reference \'-rm\' is invalid: it starts with "-"; options go after the image, or put "--" before the image.',
    ],
    [
      'nginx@md5:zz',
      "Image reference 'nginx@md5:zz' is invalid: the digest 'md5:zz' is not ALGORITHM:HEX (for example sha256: and 64 hex digits).",
    ],
    [
      `nginx@sha256:${hex64.slice(1)}`,
      `Image reference 'nginx@sha256:${hex64.slice(1)}' is invalid: a sha256 digest must have exactly 64 lowercase hex digits.`,
    ],
    [
      `nginx@sha256:${hex64.toUpperCase()}`,
      `Image reference 'nginx@sha256:${hex64.toUpperCase()}' is invalid: a sha256 digest must have exactly 64 lowercase hex digits.`,
    ],
    [
      'ng inx',
      "Image reference 'ng inx' is invalid: it contains spaces, control characters or non-ASCII characters.",
    ],
    [
      'a//b',
      "Image reference 'a//b' is invalid: it has an empty path component (two slashes, or a slash at an end).",
    ],
    [
      'a/',
      "Image reference 'a/' is invalid: it has an empty path component (two slashes, or a slash at an end).",
    ],
    [
      '/a',
      "Image reference '/a' is invalid: it has an empty path component (two slashes, or a slash at an end).",
    ],
    [
      'a..b',
      "Image reference 'a..b' is invalid: the path component 'a..b' may contain only lowercase letters, digits and single '.', '_', '__' or '-' separators between them.",
    ],
    [
      'localhost:99999/a',
      "Image reference 'localhost:99999/a' is invalid: the registry port '99999' is not a number from 0 to 65535.",
    ],
    [
      'a:b/c',
      "Image reference 'a:b/c' is invalid: the registry port 'b' is not a number from 0 to 65535.",
    ],
    [
      'foo_bar:1/x',
      "Image reference 'foo_bar:1/x' is invalid: the registry host 'foo_bar' is not a valid host name.",
    ],
    [':tag', "Image reference ':tag' is invalid: the repository name is missing."],
    [
      'nginx:',
      "Image reference 'nginx:' is invalid: the tag '' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.",
    ],
    [
      'nginx:-x',
      "Image reference 'nginx:-x' is invalid: the tag '-x' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.",
    ],
  ])('%j is rejected', (input, message) => {
    const error = parseError(input);
    expect(error.code).toBe('invalid-image-reference');
    expect(error.message).toBe(message);
  });

  test('129-character tag', () => {
    const tag = 't'.repeat(129);
    const error = parseError(`nginx:${tag}`);
    expect(error.message).toBe(
      `Image reference 'nginx:${'t'.repeat(74)}…' is invalid: the tag '${tag}' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.`,
    );
  });

  test('name over 255 characters', () => {
    const name = 'a'.repeat(256);
    const error = parseError(name);
    expect(error.message).toBe(
      `Image reference '${'a'.repeat(80)}…' is invalid: the name is 256 characters long, over the maximum of 255.`,
    );
  });

  test('input over the length cap', () => {
    const input = 'a'.repeat(maxReferenceLength + 1);
    const error = parseError(input);
    expect(error.message).toBe(
      `Image reference '${'a'.repeat(80)}…' is invalid: it is 513 characters long, over the maximum of 512.`,
    );
  });
});

describe('parseImageReference hostile input', () => {
  test('1 MB string fails fast', () => {
    const input = 'a'.repeat(1024 * 1024);
    const startedAt = performance.now();
    const error = parseError(input);
    const elapsedMs = performance.now() - startedAt;
    expect(error.message).toBe(
      `Image reference '${'a'.repeat(80)}…' is invalid: it is 1048576 characters long, over the maximum of 512.`,
    );
    expect(elapsedMs).toBeLessThan(100);
  });

  test('1 MB of separators fails fast', () => {
    const input = `${'a-'.repeat(512 * 1024)}!`;
    const startedAt = performance.now();
    parseError(input);
    expect(performance.now() - startedAt).toBeLessThan(100);
  });

  test.each([
    ['path', `${'a-'.repeat(120)}!`],
    ['path with underscores', `a${'_'.repeat(200)}!`],
    ['path with dots', `${'a.'.repeat(120)}.`],
    ['registry host', `${'a-'.repeat(120)}!.com/x`],
    ['digest algorithm', `x@${'a+'.repeat(200)}:${'0'.repeat(32)}`],
  ])('backtracking %s fails fast', (_label, input) => {
    const startedAt = performance.now();
    parseError(input);
    expect(performance.now() - startedAt).toBeLessThan(100);
  });

  test.each([
    ['newline', 'nginx\n:latest'],
    ['carriage return', 'nginx\r\nFAKE: line'],
    ['escape sequence', 'nginx\u001b[2J'],
    ['NUL', 'nginx\u0000'],
    ['tab', 'nginx\tlatest'],
    ['DEL', 'nginx\u007f'],
    ['next line', 'nginx\u0085x'],
    ['line separator', 'nginx\u2028x'],
  ])('%s stays one line', (_label, input) => {
    const error = parseError(input);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('\r');
    expect(error.message).not.toContain('\u2028');
    expect(error.message).not.toContain('\u0085');
    expect(error.message).toMatch(
      /is invalid: it contains spaces, control characters or non-ASCII characters\.$/,
    );
  });

  test('control characters escaped in message', () => {
    const error = parseError('nginx\n:latest');
    expect(error.message).toBe(
      "Image reference 'nginx\\n:latest' is invalid: it contains spaces, control characters or non-ASCII characters.",
    );
  });

  test('only newlines count as empty', () => {
    const error = parseError('\n\n');
    expect(error.message).toBe(
      "Image reference '\\n\\n' is invalid: it is empty; name an image such as nginx:1.27.",
    );
  });

  test.each([
    ['accented letter', 'ñginx'],
    ['Cyrillic a', 'nginx/\u0430pp'],
    ['emoji', 'nginx:\u{1f600}'],
    ['fullwidth colon', 'nginx\uff1a1.27'],
  ])('Unicode %s rejected', (_label, input) => {
    const error = parseError(input);
    expect(error.code).toBe('invalid-image-reference');
    expect(error.message).toContain(
      'it contains spaces, control characters or non-ASCII characters',
    );
  });

  test('quote in input escaped', () => {
    const error = parseError("it's");
    expect(error.message).toBe(
      "Image reference 'it\\'s' is invalid: the path component 'it's' may contain only lowercase letters, digits and single '.', '_', '__' or '-' separators between them.",
    );
  });
});
