/** Web API error codes that mean Slack rejected the token, so retrying cannot help. */
const rejectedTokenErrors = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'user_removed_from_team',
  'team_disabled',
]);

/** Returns true when a Web API error means that Slack rejected the token. */
export function isRejectedToken(error: unknown): boolean {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' && rejectedTokenErrors.has(data.error);
}
