import type { App, BlockButtonAction } from '@slack/bolt';
import { explain } from '../../../knowledge/explain.js';
import { buildExplainMessage } from '../../blocks/explain-message.js';
import { explainTopicActionPattern } from '../../blocks/action-ids.js';
import { postToResponseUrl } from '../../responders/post-to-response-url.js';
import type { ListenerDeps } from '../listener-deps.js';

/**
 * Registers the "Explain TOPIC" buttons of reports and explanations. The explanation goes to
 * the user who clicked, as a new ephemeral message, and leaves the original message as it is.
 */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(
    explainTopicActionPattern,
    async ({ ack, action, body, client }) => {
      await ack();
      const { logger, knowledge } = deps.commands;
      const topicId = action.value ?? '';
      logger.info(
        { userId: body.user.id, command: 'explain', source: 'button', topic: topicId },
        'command received',
      );
      const message = buildExplainMessage(explain(topicId, knowledge));
      try {
        if (typeof body.response_url === 'string' && body.response_url !== '') {
          await postToResponseUrl(body.response_url, {
            ...message,
            response_type: 'ephemeral',
            replace_original: false,
          });
        } else if (body.channel !== undefined) {
          await client.chat.postEphemeral({
            channel: body.channel.id,
            user: body.user.id,
            ...message,
          });
        }
      } catch (error) {
        logger.warn(
          { err: error, userId: body.user.id, topic: topicId },
          'sending the explanation failed',
        );
      }
    },
  );
}
