/** Topic id that explains each finding id of a check report. */
export const findingTopics: Record<string, string> = {
  'stop-signal-ignored': 'signals',
  'package-manager-pid1': 'package-managers',
  'start-failed': 'cmd-entrypoint',
  'exits-immediately': 'cmd-entrypoint',
  'shell-wraps-app': 'entrypoint-scripts',
  'orphans-not-reaped': 'zombies',
  'shell-form-command': 'shell-form',
  'systemd-pid1': 'systemd',
};

/** Returns the topic id for a finding id, or `pid1` for a finding without a topic of its own. */
export function topicForFinding(id: string): string {
  return Object.hasOwn(findingTopics, id) ? (findingTopics[id] ?? 'pid1') : 'pid1';
}
