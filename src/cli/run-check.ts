import { check } from '../diagnosis/check.js';
import { defaultCheckContext } from '../diagnosis/check-context.js';
import type { ErrorReport } from '../diagnosis/report-schema.js';
import { loadSettings } from '../config/settings.js';
import { createEngine } from '../docker/engine.js';
import { Pid1Error } from '../errors.js';
import { createLogger } from '../logging/logger.js';
import { renderErrorSarif, renderReportSarif } from '../render/report-sarif.js';
import { renderReportText } from '../render/report-text.js';
import type { ParsedCheckArguments, ReportFormat } from './check-arguments.js';
import { exitCodeForError, exitCodeForReport, exitCodes } from './exit-codes.js';

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Prints a Pid1Error as one line on stderr, plus the error object on stdout for json output. */
export function reportError(error: Pid1Error, format: ReportFormat, output: CliOutput): number {
  if (format === 'json') {
    const body: ErrorReport = {
      schemaVersion: 1,
      verdict: 'error',
      error: { code: error.code, message: error.message },
    };
    output.stdout(`${JSON.stringify(body)}\n`);
  }
  if (format === 'sarif') output.stdout(renderErrorSarif(error.code, error.message));
  output.stderr(`pid1: ${error.message}\n`);
  return exitCodeForError(error);
}

/**
 * Runs `pid1 check` and returns the exit code. SIGINT and SIGTERM cancel the check, which still
 * removes its containers before the process exits.
 */
export async function runCheckCommand(
  parsed: ParsedCheckArguments,
  output: CliOutput,
): Promise<number> {
  const cancel = new AbortController();
  const onSignal = (): void => cancel.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const settings = loadSettings();
    const logger = createLogger(process.env['LOG_LEVEL'] ?? 'warn');
    const context = defaultCheckContext(createEngine(), settings, logger);
    const report = await check(parsed.image, { ...parsed.options, signal: cancel.signal }, context);
    if (parsed.format === 'json') output.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (parsed.format === 'sarif') output.stdout(renderReportSarif(report));
    else output.stdout(renderReportText(report));
    return exitCodeForReport(report, parsed.failOn);
  } catch (error) {
    if (error instanceof Pid1Error) return reportError(error, parsed.format, output);
    const message = error instanceof Error ? error.message : String(error);
    return reportError(
      new Pid1Error('engine-failed', `The check failed unexpectedly: ${message}`),
      parsed.format,
      output,
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export { exitCodes };
