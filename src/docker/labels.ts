export type ContainerRole = 'target' | 'probe' | 'demo';

export const managedLabel = 'pid1.managed';
export const checkIdLabel = 'pid1.check-id';
export const roleLabel = 'pid1.role';
export const expiresAtLabel = 'pid1.expires-at';

/** Seconds a container may outlive its check's time limit before the sweeper removes it. */
export const sweepMarginSeconds = 30;

/**
 * Builds the labels of a container pid1 creates. `expires-at` is the creation time plus the
 * check's time limit plus a margin, in Unix seconds rounded up.
 */
export function containerLabels(
  checkId: string,
  role: ContainerRole,
  nowMs: number,
  checkTimeoutMs: number,
): Record<string, string> {
  const expiresAt = Math.ceil((nowMs + checkTimeoutMs) / 1000 + sweepMarginSeconds);
  return {
    [managedLabel]: 'true',
    [checkIdLabel]: checkId,
    [roleLabel]: role,
    [expiresAtLabel]: String(expiresAt),
  };
}
