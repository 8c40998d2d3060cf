import { Pid1Error, quoteForMessage } from '../errors.js';

/** A parsed image reference, in the grammar of the distribution/reference Go package. */
export interface ImageReference {
  /** The user's input, trimmed. */
  raw: string;
  /** Registry host with optional port; `docker.io` when none was given. */
  domain: string;
  /** Repository path, with `library/` added for an official image on Docker Hub. */
  path: string;
  tag: string | null;
  digest: string | null;
  /** A local image id (`sha256:…` or 64 hex digits), which is never pulled. */
  imageId: string | null;
  /** True for bare hex that may be a short local image id; the check tries that first. */
  mayBeImageId: boolean;
  /** `domain/path[:tag][@digest]`, with `latest` when neither tag nor digest was given. */
  normalized: string;
  /** The form to hand to the engine: an id, or the normalised name. */
  engineName: string;
}

/** Longest accepted input: a 255-character name, a 128-character tag and a long digest fit. */
export const maxReferenceLength = 512;
const maxNameLength = 255;

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const domainComponent = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const ipv6Host = /^\[[a-fA-F0-9:.]+\]$/;
const portNumber = /^[0-9]{1,5}$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const sha256Digest = /^sha256:[a-f0-9]{64}$/;
const imageIdPattern = /^(?:sha256:)?[a-f0-9]{64}$/;
/** A `sha256:` prefix always means an image id, which the engine accepts shortened too. */
const shortImageIdPattern = /^sha256:[a-f0-9]{1,63}$/;
/** Bare hex of 12 or more digits may be a short image id, as `docker images` prints them. */
const bareShortIdPattern = /^[a-f0-9]{12,63}$/;

function invalid(raw: string, reason: string): Pid1Error {
  return new Pid1Error(
    'invalid-image-reference',
    `Image reference ${quoteForMessage(raw)} is invalid: ${reason}.`,
  );
}

function isDomain(first: string): boolean {
  return (
    first.includes('.') ||
    first.includes(':') ||
    first === 'localhost' ||
    first.toLowerCase() !== first
  );
}

function checkDomain(raw: string, domain: string): void {
  let host = domain;
  const portIndex = domain.startsWith('[') ? domain.indexOf(']:') + 1 : domain.lastIndexOf(':');
  if (portIndex > 0) {
    const port = domain.slice(portIndex + 1);
    if (!portNumber.test(port) || Number(port) > 65_535) {
      throw invalid(raw, `the registry port '${port}' is not a number from 0 to 65535`);
    }
    host = domain.slice(0, portIndex);
  }
  if (ipv6Host.test(host)) return;
  if (host.split('.').every((component) => domainComponent.test(component))) return;
  throw invalid(raw, `the registry host '${host}' is not a valid host name`);
}

/**
 * Parses and normalises an image reference. The length is checked before any regular
 * expression runs, so hostile input costs linear time at most.
 */
export function parseImageReference(input: string): ImageReference {
  const raw = input.trim();
  if (raw.length === 0) throw invalid(input, 'it is empty; name an image such as nginx:1.27');
  if (raw.length > maxReferenceLength) {
    throw invalid(
      raw,
      `it is ${raw.length} characters long, over the maximum of ${maxReferenceLength}`,
    );
  }
  if (raw.startsWith('-')) {
    throw invalid(
      raw,
      'it starts with "-"; options go after the image, or put "--" before the image',
    );
  }
  if (imageIdPattern.test(raw) || shortImageIdPattern.test(raw)) {
    const id = raw.startsWith('sha256:') ? raw : `sha256:${raw}`;
    return {
      raw,
      domain: '',
      path: '',
      tag: null,
      digest: null,
      imageId: id,
      mayBeImageId: true,
      normalized: id,
      engineName: id,
    };
  }
  if (/[^\x21-\x7e]/.test(raw)) {
    throw invalid(raw, 'it contains spaces, control characters or non-ASCII characters');
  }

  let rest = raw;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) {
      throw invalid(
        raw,
        `the digest '${digest}' is not ALGORITHM:HEX (for example sha256: and 64 hex digits)`,
      );
    }
    if (digest.startsWith('sha256:') && !sha256Digest.test(digest)) {
      throw invalid(raw, 'a sha256 digest must have exactly 64 lowercase hex digits');
    }
  }

  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) {
      throw invalid(
        raw,
        `the tag '${tag}' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`,
      );
    }
  }
  if (rest.length === 0) throw invalid(raw, 'the repository name is missing');
  if (rest.length > maxNameLength) {
    throw invalid(
      raw,
      `the name is ${rest.length} characters long, over the maximum of ${maxNameLength}`,
    );
  }

  const components = rest.split('/');
  let domain = 'docker.io';
  if (components.length > 1 && isDomain(components[0] ?? '')) {
    domain = components.shift() ?? domain;
    checkDomain(raw, domain);
  }
  for (const component of components) {
    if (component.length === 0)
      throw invalid(raw, 'it has an empty path component (two slashes, or a slash at an end)');
    if (component.toLowerCase() !== component)
      throw invalid(raw, 'repository names must be lowercase');
    if (!pathComponent.test(component)) {
      throw invalid(
        raw,
        `the path component '${component}' may contain only lowercase letters, digits and single '.', '_', '__' or '-' separators between them`,
      );
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && components.length === 1) components.unshift('library');
  const path = components.join('/');
  const effectiveTag = tag ?? (digest === null ? 'latest' : null);
  const normalized = `${domain}/${path}${effectiveTag === null ? '' : `:${effectiveTag}`}${digest === null ? '' : `@${digest}`}`;
  return {
    raw,
    domain,
    path,
    tag: effectiveTag,
    digest,
    imageId: null,
    mayBeImageId: bareShortIdPattern.test(raw),
    normalized,
    engineName: normalized,
  };
}
