import { quoteForMessage } from '../../errors.js';
import { explain } from '../../knowledge/explain.js';
import { demoListMessage } from '../blocks/demo-message.js';
import { buildExplainMessage } from '../blocks/explain-message.js';
import { unexpectedErrorMessage } from '../blocks/check-error-message.js';
import { helpMessage, usageErrorMessage } from '../blocks/usage-message.js';
import type { CommandDeps, CommandRequest } from './command-deps.js';
import { maxQuestionLength, parsePid1Command, type Pid1Command } from './parse-command.js';
import type { Responder } from './responder.js';
import { runCheckCommand } from './run-check-command.js';
import { runDemoCommand } from './run-demo-command.js';

function resolveCommand(request: CommandRequest): Exclude<Pid1Command, { name: 'unknown' }> {
  const command = parsePid1Command(request.text);
  if (command.name !== 'unknown') return command;
  // A direct message or mention such as "why does my container take 10 s to stop?" is a question.
  if (request.freeTextIsQuestion)
    return { name: 'explain', query: request.text.trim().slice(0, maxQuestionLength) };
  return {
    name: 'invalid',
    reason: `Unknown sub-command ${quoteForMessage(command.word)}.`,
    usage: 'all',
  };
}

/**
 * Handles one `/pid1` command on any surface. Every path ends in exactly one `final` reply, so
 * the surface can acknowledge and clean up.
 */
export function handleCommand(
  request: CommandRequest,
  responder: Responder,
  deps: CommandDeps,
): Promise<void> {
  const work = answerCommand(request, responder, deps);
  return deps.inFlight === undefined ? work : deps.inFlight.track(work);
}

async function answerCommand(
  request: CommandRequest,
  responder: Responder,
  deps: CommandDeps,
): Promise<void> {
  const command = resolveCommand(request);
  deps.logger.info(
    {
      userId: request.userId,
      source: request.source,
      command: command.name,
      ...(command.name === 'check' ? { image: command.image } : {}),
      ...(command.name === 'demo' && command.scenario !== undefined
        ? { scenario: command.scenario }
        : {}),
    },
    'command received',
  );
  try {
    switch (command.name) {
      case 'help':
        return await responder.final(helpMessage(command.subcommand));
      case 'invalid':
        return await responder.final(usageErrorMessage(command.reason, command.usage));
      case 'explain':
        return await responder.final(buildExplainMessage(explain(command.query, deps.knowledge)));
      case 'demo':
        if (command.scenario === undefined) return await responder.final(demoListMessage());
        return await runDemoCommand(command.scenario, request, responder, deps);
      case 'check':
        return await runCheckCommand(command, request, responder, deps);
    }
  } catch (error) {
    const requestId = deps.newRequestId();
    deps.logger.error(
      { err: error, requestId, userId: request.userId, command: command.name },
      'command failed with an unexpected error',
    );
    await responder.final(unexpectedErrorMessage(requestId));
  }
}
