/**
 * Action ids of pid1's buttons. Explain buttons get a numeric suffix because Slack wants action
 * ids unique within a block, and one actions block may hold several explain buttons.
 */
export const actionIds = {
  explainTopic: 'pid1_explain_topic',
  rerunCheck: 'pid1_rerun_check',
  shareReport: 'pid1_share_report',
} as const;

export const explainTopicActionPattern = /^pid1_explain_topic(?:-\d+)?$/;

export function explainTopicActionId(index: number): string {
  return `${actionIds.explainTopic}-${index}`;
}
