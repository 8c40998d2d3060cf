import { Pid1Error } from '../../errors.js';
import { checkErrorMessage } from '../blocks/check-error-message.js';
import { checkingMessage, queuedMessage, stepMessage } from '../blocks/progress-message.js';
import { buildReportMessage } from '../blocks/report-blocks.js';
import type { CheckProgress, CommandDeps, CommandRequest } from './command-deps.js';
import type { Pid1Command } from './parse-command.js';
import type { Responder } from './responder.js';
import { withinRateLimit } from './within-rate-limit.js';

type CheckCommand = Extract<Pid1Command, { name: 'check' }>;

/**
 * Runs one check for a user: applies the per-user rate limit, waits for a queue slot, reports
 * progress, then sends the report or the reason the check could not run. A request identical to
 * a check already waiting or running shares that run and its report instead of starting another.
 * Logs one line when the check finishes, with the user, check id and duration, but never the
 * command's options, since `--env` values may be secrets.
 */
export async function runCheckCommand(
  command: CheckCommand,
  request: CommandRequest,
  responder: Responder,
  deps: CommandDeps,
): Promise<void> {
  const { image } = command;
  const requestId = deps.newRequestId();
  const log = deps.logger.child({
    requestId,
    userId: request.userId,
    source: request.source,
    command: 'check',
    image,
  });

  if (!(await withinRateLimit('check', request, responder, deps, log))) return;

  const startedAt = deps.now();
  const graceSeconds = command.check.options.graceSeconds ?? deps.graceSeconds;
  responder.progress(checkingMessage(image));
  const showProgress = (event: CheckProgress): void => {
    const message =
      event.kind === 'queued'
        ? queuedMessage(image, event.position)
        : stepMessage(image, event.step, graceSeconds);
    if (message !== null) responder.progress(message);
  };
  try {
    const options = command.check.options;
    const run = deps.sharedChecks.run(
      image,
      options,
      (notify) =>
        deps.queue.run(
          (signal) =>
            deps.runCheck(image, {
              ...options,
              signal,
              onProgress: (step) => notify({ kind: 'step', step }),
            }),
          {
            onQueued: (position) => notify({ kind: 'queued', position }),
            ...(deps.shutdownSignal === undefined ? {} : { signal: deps.shutdownSignal }),
          },
        ),
      showProgress,
    );
    if (run.joined) log.info('check joined an identical check in progress');
    const report = await run.result;
    log.info(
      {
        checkId: report.checkId,
        verdict: report.verdict,
        findings: report.findings.length,
        durationMs: deps.now() - startedAt,
        joined: run.joined,
      },
      'check finished',
    );
    deps.reports.put(report, command.commandText);
    await responder.final(
      buildReportMessage(report, {
        // A terminal cannot click, so the console gets no re-run button.
        rerunCommand: request.source === 'console' ? null : command.commandText,
        shareButton: request.replyIsPrivate,
      }),
    );
  } catch (error) {
    const durationMs = deps.now() - startedAt;
    if (error instanceof Pid1Error) {
      log.warn({ code: error.code, err: error.message, durationMs }, 'check could not run');
    } else {
      log.error({ err: error, durationMs }, 'check failed with an unexpected error');
    }
    await responder.final(checkErrorMessage(image, error, requestId));
  }
}
