import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import { checkError, testCheckContext } from '../support/check-context.js';

/** A stand-in registry on 127.0.0.1: `/v2/broken/…` returns 404, and `/v2/hangs/…` never responds. */
function startRegistry(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/v2/hangs/') === true) return;
    if (request.url === '/v2/') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('pulling a missing image', () => {
  let server: http.Server;
  let registry: string;

  beforeAll(async () => {
    server = await startRegistry();
    registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('loopback registry is rejected by default', async () => {
    const error = await checkError(check(`${registry}/broken/app:1`, {}, testCheckContext()));
    expect(error.code).toBe('policy-registry-not-allowed');
    expect(error.message).toBe(
      `Registry '${registry}' is on a loopback, link-local or private address: add it to PID1_ALLOWED_REGISTRIES to allow pulls from it.`,
    );
  });

  it('failed pull names the image', async () => {
    const context = testCheckContext({ PID1_ALLOWED_REGISTRIES: registry });
    const error = await checkError(check(`${registry}/broken/app:1`, {}, context));
    expect(error.code).toBe('pull-failed');
    expect(error.message).toContain(`Pulling image '${registry}/broken/app:1' failed:`);
  });

  it('hanging pull times out', async () => {
    const context = testCheckContext({
      PID1_ALLOWED_REGISTRIES: registry,
      PID1_PULL_TIMEOUT_SECONDS: '2',
    });
    const startedAt = Date.now();
    const error = await checkError(check(`${registry}/hangs/app:1`, {}, context));
    expect(error.code).toBe('pull-timed-out');
    expect(error.message).toBe(
      `Pulling image '${registry}/hangs/app:1' timed out after 2 s: check the registry, or raise PID1_PULL_TIMEOUT_SECONDS.`,
    );
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});
