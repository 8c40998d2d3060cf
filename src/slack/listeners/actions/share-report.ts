import type { App, BlockButtonAction } from '@slack/bolt';
import { actionIds } from '../../blocks/action-ids.js';
import { buildReportMessage } from '../../blocks/report-blocks.js';
import { reportExpiredMessage, shareFailedMessage } from '../../blocks/share-messages.js';
import { postToResponseUrl } from '../../responders/post-to-response-url.js';
import type { ListenerDeps } from '../listener-deps.js';

/**
 * Registers the "Share in channel" button of an ephemeral report. The button's value is the
 * check id, and the report comes from the in-memory ReportStore, because Slack does not send an
 * ephemeral message back in the action payload. The shared copy goes to the channel through the
 * response URL with `response_type: in_channel`, which works wherever the command was typed,
 * even in channels the bot is not a member of.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(actionIds.shareReport, async ({ ack, action, body }) => {
    await ack();
    const { logger, reports } = deps.commands;
    const checkId = action.value ?? '';
    const userId = body.user.id;
    logger.info({ userId, command: 'share', source: 'button', checkId }, 'command received');

    const stored = reports.get(checkId);
    try {
      if (stored === undefined) {
        const minutes = Math.round(reports.maxAgeMs / 60_000);
        await postToResponseUrl(body.response_url, {
          ...reportExpiredMessage(minutes),
          response_type: 'ephemeral',
          replace_original: false,
        });
        return;
      }
      const shared = buildReportMessage(stored.report, {
        rerunCommand: null,
        shareButton: false,
        sharedBy: userId,
      });
      await postToResponseUrl(body.response_url, {
        ...shared,
        response_type: 'in_channel',
        replace_original: false,
      });
    } catch (error) {
      logger.warn({ err: error, userId, checkId }, 'sharing the report failed');
      await postToResponseUrl(body.response_url, {
        ...shareFailedMessage(),
        response_type: 'ephemeral',
        replace_original: false,
      }).catch((secondError: unknown) =>
        logger.warn(
          { err: secondError, userId, checkId },
          'telling the user that sharing failed also failed',
        ),
      );
    }
  });
}
