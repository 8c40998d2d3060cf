import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { Pid1Error, quoteForMessage } from '../errors.js';
import type { ImageReference } from './image-reference.js';

const privateRanges = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  privateRanges.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  privateRanges.addSubnet(prefix, bits, 'ipv6');
}

/** True for loopback, link-local, private and unspecified addresses, IPv4-mapped ones included. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return isPrivateAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Matches a glob where `*` is any run of characters (slashes too) and `?` one character. */
export function matchesGlob(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`).test(value);
}

function hostOf(domain: string): string {
  if (domain.startsWith('[')) return domain.slice(1, domain.indexOf(']'));
  const colon = domain.lastIndexOf(':');
  return colon >= 0 ? domain.slice(0, colon) : domain;
}

export type HostResolver = (host: string) => Promise<string[]>;

const lookupTimeoutMs = 2_000;

/** Resolves a host name with the system resolver, giving up after two seconds without a result. */
export const resolveHost: HostResolver = async (host) => {
  const timeout = new Promise<string[]>((resolve) =>
    setTimeout(() => resolve([]), lookupTimeoutMs).unref(),
  );
  const answer = lookup(host, { all: true }).then(
    (addresses) => addresses.map((entry) => entry.address),
    () => [],
  );
  return Promise.race([answer, timeout]);
};

/** Rejects an image that no pattern of PID1_ALLOWED_IMAGES matches. Image ids always pass. */
export function enforceAllowedImages(reference: ImageReference, allowedImages: string[]): void {
  if (reference.imageId !== null) return;
  if (!allowedImages.some((pattern) => matchesGlob(pattern, reference.normalized))) {
    throw new Pid1Error(
      'policy-image-not-allowed',
      allowedImages.length === 0
        ? `Image ${quoteForMessage(reference.normalized)} is not allowed here: PID1_ALLOWED_IMAGES lists no pattern, so no image is allowed.`
        : `Image ${quoteForMessage(reference.normalized)} is not allowed here: PID1_ALLOWED_IMAGES allows only ${allowedImages.join(', ')}.`,
    );
  }
}

/**
 * Rejects a pull from a registry on a loopback, link-local or private address unless it is in
 * PID1_ALLOWED_REGISTRIES: the engine pulls over the host's network, so such a name would let a
 * user reach services next to the host. Runs only before a pull, so local images need no lookup.
 */
export async function enforceRegistryPolicy(
  reference: ImageReference,
  allowedRegistries: string[],
  resolve: HostResolver = resolveHost,
): Promise<void> {
  if (reference.imageId !== null) return;
  if (reference.domain === 'docker.io' || allowedRegistries.includes(reference.domain)) return;
  const host = hostOf(reference.domain).toLowerCase();
  const hostIsLocalName = host === 'localhost' || host.endsWith('.localhost');
  let addresses: string[] = [];
  if (net.isIP(host) !== 0) addresses = [host];
  else if (!hostIsLocalName) addresses = await resolve(host);
  if (hostIsLocalName || addresses.some(isPrivateAddress)) {
    throw new Pid1Error(
      'policy-registry-not-allowed',
      `Registry ${quoteForMessage(reference.domain)} is on a loopback, link-local or private address: add it to PID1_ALLOWED_REGISTRIES to allow pulls from it.`,
    );
  }
}
