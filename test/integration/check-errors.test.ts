import { describe, expect, it } from 'vitest';
import { check } from '../../src/diagnosis/check.js';
import { checkError, containersOfCheck, testCheckContext } from '../support/check-context.js';

describe('check errors on the engine', () => {
  it('missing image under PID1_PULL=never', async () => {
    const context = testCheckContext({ PID1_PULL: 'never' });
    const error = await checkError(check('pid1-fixture/not-built:1', {}, context));
    expect(error.code).toBe('image-not-found');
    expect(error.message).toBe(
      "Image 'docker.io/pid1-fixture/not-built:1' is not on this Docker engine: pull it first, or set PID1_PULL=missing.",
    );
  });

  it('time limit removes the containers', async () => {
    // The grace comes from the setting: --grace would be rejected this close to the time limit.
    const context = testCheckContext({
      PID1_CHECK_TIMEOUT_SECONDS: '3',
      PID1_GRACE_SECONDS: '2.9',
    });
    context.newCheckId = () => 'timeouttest01';
    const error = await checkError(
      check('pid1-fixture/drops-sigterm', { fullGrace: true }, context),
    );
    expect(error.code).toBe('check-timed-out');
    expect(await containersOfCheck(context, 'timeouttest01')).toEqual([]);
  });

  it('cancellation removes the containers', async () => {
    const context = testCheckContext();
    context.newCheckId = () => 'canceltest01';
    const controller = new AbortController();
    const pending = check(
      'pid1-fixture/drops-sigterm',
      { signal: controller.signal, fullGrace: true },
      context,
    );
    setTimeout(() => controller.abort(new Error('test cancel')), 1_500);
    const error = await checkError(pending);
    expect(error.code).toBe('check-cancelled');
    expect(await containersOfCheck(context, 'canceltest01')).toEqual([]);
  });

  it('unreachable engine is a clear error', async () => {
    const previous = process.env['DOCKER_HOST'];
    process.env['DOCKER_HOST'] = 'unix:///tmp/pid1-no-engine.sock';
    try {
      const context = testCheckContext();
      const error = await checkError(check('pid1-fixture/drops-sigterm', {}, context));
      expect(error.code).toBe('engine-unreachable');
      expect(error.message).toContain(
        'No Docker engine is reachable at unix:///tmp/pid1-no-engine.sock',
      );
    } finally {
      if (previous === undefined) delete process.env['DOCKER_HOST'];
      else process.env['DOCKER_HOST'] = previous;
    }
  });
});
