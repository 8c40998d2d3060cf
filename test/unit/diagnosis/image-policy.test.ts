import { describe, expect, test } from 'vitest';
import {
  enforceAllowedImages,
  enforceRegistryPolicy,
  isPrivateAddress,
  matchesGlob,
  type HostResolver,
} from '../../../src/diagnosis/image-policy.js';
import { parseImageReference } from '../../../src/diagnosis/image-reference.js';
import { Pid1Error } from '../../../src/errors.js';

/** A resolver that returns fixed addresses and records every host it resolved. */
function fakeResolver(
  addresses: Record<string, string[]>,
): HostResolver & { requestedHosts: string[] } {
  const requestedHosts: string[] = [];
  const resolve = async (host: string): Promise<string[]> => {
    requestedHosts.push(host);
    return addresses[host] ?? [];
  };
  return Object.assign(resolve, { requestedHosts });
}

const registryMessage = (domain: string): string =>
  `Registry '${domain}' is on a loopback, link-local or private address: add it to PID1_ALLOWED_REGISTRIES to allow pulls from it.`;

async function registryError(
  reference: string,
  allowed: string[],
  resolve: HostResolver,
): Promise<Pid1Error> {
  try {
    await enforceRegistryPolicy(parseImageReference(reference), allowed, resolve);
  } catch (error) {
    if (error instanceof Pid1Error) return error;
    throw error;
  }
  throw new Error(`enforceRegistryPolicy allowed ${reference}`);
}

describe('matchesGlob', () => {
  test.each([
    ['*', 'docker.io/library/nginx:latest'],
    ['docker.io/library/*', 'docker.io/library/nginx:1.27'],
    ['docker.io/*/nginx:*', 'docker.io/library/nginx:latest'],
    ['docker.io/library/nginx:?', 'docker.io/library/nginx:1'],
    ['(x)', '(x)'],
    ['a+b', 'a+b'],
  ])('%s matches %s', (pattern, value) => {
    expect(matchesGlob(pattern, value)).toBe(true);
  });

  test.each([
    ['docker.io/library/nginx:?', 'docker.io/library/nginx:12'],
    ['docker.io/library/*', 'ghcr.io/library/nginx:1'],
    ['a.b', 'axb'],
    ['[ab]', 'a'],
    ['a+b', 'aab'],
    ['nginx', 'docker.io/library/nginx:latest'],
  ])('%s does not match %s', (pattern, value) => {
    expect(matchesGlob(pattern, value)).toBe(false);
  });
});

describe('isPrivateAddress', () => {
  test.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::FFFF:10.0.0.1',
    '::ffff:7f00:1',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  test.each(['8.8.8.8', '172.32.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'not-an-ip', ''])(
    '%j is not private',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('enforceAllowedImages', () => {
  test('wildcard allows all', () => {
    expect(() => enforceAllowedImages(parseImageReference('ghcr.io/x/y'), ['*'])).not.toThrow();
  });

  test('pattern matches normalized name', () => {
    const reference = parseImageReference('nginx');
    expect(() => enforceAllowedImages(reference, ['docker.io/library/*'])).not.toThrow();
  });

  test('unmatched image rejected', () => {
    const reference = parseImageReference('ghcr.io/x/y');
    let caught: unknown;
    try {
      enforceAllowedImages(reference, ['docker.io/library/*', 'docker.io/pid1-case/*']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Pid1Error);
    expect((caught as Pid1Error).code).toBe('policy-image-not-allowed');
    expect((caught as Pid1Error).message).toBe(
      "Image 'ghcr.io/x/y:latest' is not allowed here: PID1_ALLOWED_IMAGES allows only docker.io/library/*, docker.io/pid1-case/*.",
    );
  });

  test('empty list rejects names', () => {
    expect(() => enforceAllowedImages(parseImageReference('nginx'), [])).toThrow(
      "Image 'docker.io/library/nginx:latest' is not allowed here: PID1_ALLOWED_IMAGES lists no pattern, so no image is allowed.",
    );
  });

  test('image id always passes', () => {
    const reference = parseImageReference('a'.repeat(64));
    expect(() => enforceAllowedImages(reference, [])).not.toThrow();
  });
});

describe('enforceRegistryPolicy', () => {
  test('Docker Hub needs no lookup', async () => {
    const resolve = fakeResolver({});
    await expect(
      enforceRegistryPolicy(parseImageReference('nginx'), [], resolve),
    ).resolves.toBeUndefined();
    expect(resolve.requestedHosts).toEqual([]);
  });

  test('image id needs no lookup', async () => {
    const resolve = fakeResolver({});
    const reference = parseImageReference(`sha256:${'b'.repeat(64)}`);
    await expect(enforceRegistryPolicy(reference, [], resolve)).resolves.toBeUndefined();
    expect(resolve.requestedHosts).toEqual([]);
  });

  test('public registry allowed', async () => {
    const resolve = fakeResolver({ 'ghcr.io': ['140.82.112.33'] });
    await expect(
      enforceRegistryPolicy(parseImageReference('ghcr.io/org/app'), [], resolve),
    ).resolves.toBeUndefined();
    expect(resolve.requestedHosts).toEqual(['ghcr.io']);
  });

  test('localhost rejected without lookup', async () => {
    const resolve = fakeResolver({});
    const error = await registryError('localhost:5000/a', [], resolve);
    expect(error.code).toBe('policy-registry-not-allowed');
    expect(error.message).toBe(registryMessage('localhost:5000'));
    expect(resolve.requestedHosts).toEqual([]);
  });

  test('uppercase LOCALHOST rejected', async () => {
    const error = await registryError('LOCALHOST:5000/a', [], fakeResolver({}));
    expect(error.message).toBe(registryMessage('LOCALHOST:5000'));
  });

  test('.localhost name rejected', async () => {
    const error = await registryError('registry.localhost/a', [], fakeResolver({}));
    expect(error.message).toBe(registryMessage('registry.localhost'));
  });

  test('allowed registry passes', async () => {
    const resolve = fakeResolver({});
    await expect(
      enforceRegistryPolicy(parseImageReference('localhost:5000/a'), ['localhost:5000'], resolve),
    ).resolves.toBeUndefined();
  });

  test('allow list needs exact domain', async () => {
    const error = await registryError('localhost:5000/a', ['localhost'], fakeResolver({}));
    expect(error.message).toBe(registryMessage('localhost:5000'));
  });

  test('private IPv4 literal rejected', async () => {
    const resolve = fakeResolver({});
    const error = await registryError('10.0.0.5:5000/a', [], resolve);
    expect(error.message).toBe(registryMessage('10.0.0.5:5000'));
    expect(resolve.requestedHosts).toEqual([]);
  });

  test('IPv6 loopback literal rejected', async () => {
    const error = await registryError('[::1]:5000/a', [], fakeResolver({}));
    expect(error.message).toBe(registryMessage('[::1]:5000'));
  });

  test('unique local IPv6 rejected', async () => {
    const error = await registryError('[fd00::1]/a', [], fakeResolver({}));
    expect(error.message).toBe(registryMessage('[fd00::1]'));
  });

  test('name resolving to private rejected', async () => {
    const resolve = fakeResolver({ 'internal.corp': ['10.0.0.1'] });
    const error = await registryError('internal.corp/a', [], resolve);
    expect(error.message).toBe(registryMessage('internal.corp'));
    expect(resolve.requestedHosts).toEqual(['internal.corp']);
  });

  test('any private answer rejects', async () => {
    const resolve = fakeResolver({ 'evil.example': ['8.8.8.8', '::ffff:127.0.0.1'] });
    const error = await registryError('evil.example/a', [], resolve);
    expect(error.message).toBe(registryMessage('evil.example'));
  });

  test('host lowercased for lookup', async () => {
    const resolve = fakeResolver({ 'internal.corp': ['192.168.0.10'] });
    const error = await registryError('Internal.Corp:443/a', [], resolve);
    expect(error.message).toBe(registryMessage('Internal.Corp:443'));
    expect(resolve.requestedHosts).toEqual(['internal.corp']);
  });

  test('unresolved name passes', async () => {
    const resolve = fakeResolver({});
    await expect(
      enforceRegistryPolicy(parseImageReference('nohost.example/a'), [], resolve),
    ).resolves.toBeUndefined();
  });
});
