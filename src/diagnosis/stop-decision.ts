import type { Pid1Info } from './report-schema.js';

/**
 * Returns why waiting out the grace would add nothing, or null when it must be waited out.
 * PID 1 drops a signal it neither catches nor blocks (or one it ignores), so the wait may end
 * after a confirmation window. Known inits are excluded: tini waits in sigtimedwait, which shows
 * the signal neither caught nor blocked although tini handles it.
 */
export function earlyStopReason(pid1: Pid1Info | null, stopSignal: string): string | null {
  const masks = pid1?.signals;
  if (pid1 === null || masks === null || masks === undefined) return null;
  if (masks.ignored.includes(stopSignal)) return `PID 1 ignores ${stopSignal} (SigIgn)`;
  if (pid1.kind === 'init' || pid1.kind === 'supervisor' || pid1.kind === 'systemd') return null;
  if (masks.caught.includes(stopSignal) || masks.blocked.includes(stopSignal)) return null;
  return `PID 1 neither catches nor blocks ${stopSignal} and is no known init`;
}
