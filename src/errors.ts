/**
 * Stable error codes. `invalid-*` and `policy-*` codes are the user's input (CLI exit 2); the
 * others mean the check could not run (CLI exit 3).
 */
export type Pid1ErrorCode =
  | 'invalid-image-reference'
  | 'invalid-option'
  | 'invalid-argument'
  | 'invalid-setting'
  | 'policy-image-not-allowed'
  | 'policy-registry-not-allowed'
  | 'engine-unreachable'
  | 'engine-failed'
  | 'image-not-found'
  | 'pull-failed'
  | 'pull-timed-out'
  | 'probe-image-missing'
  | 'check-timed-out'
  | 'check-cancelled';

/** An expected failure with a stable code and a one-line message that includes the fix. */
export class Pid1Error extends Error {
  readonly code: Pid1ErrorCode;

  constructor(code: Pid1ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Pid1Error';
    this.code = code;
  }

  /** True for bad input or a policy refusal, false when the check itself could not run. */
  get isInputError(): boolean {
    return this.code.startsWith('invalid-') || this.code.startsWith('policy-');
  }
}

/**
 * Returns `value` fit to quote inside a one-line message: control characters escaped and the
 * text cut to `maxChars`, so hostile input cannot forge extra lines or flood a terminal.
 */
export function quoteForMessage(value: string, maxChars = 80): string {
  // JSON.stringify escapes no control character above U+001F, so DEL, the C1 controls
  // (U+0085 is a line break to some terminals) and the Unicode line and paragraph separators
  // are escaped here.
  const escaped = JSON.stringify(value)
    .slice(1, -1)
    .replace(
      /[\u007f-\u009f\u2028\u2029]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/'/g, "\\'");
  const cut = escaped.length > maxChars ? `${escaped.slice(0, maxChars)}…` : escaped;
  return `'${cut}'`;
}
