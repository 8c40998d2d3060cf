import { renderSlackMessageText } from '../../render/slack-message-text.js';
import type { SlackMessage } from '../blocks/slack-message.js';
import type { DeliveryKind } from '../commands/responder.js';
import type { MessageSink } from '../responders/throttled-responder.js';

/** Prints replies to the console: progress as one dimmed line, the answer in full. */
export class ConsoleSink implements MessageSink {
  constructor(private readonly output: NodeJS.WritableStream) {}

  send(message: SlackMessage, kind: DeliveryKind): Promise<void> {
    const text = renderSlackMessageText(message);
    this.output.write(kind === 'progress' ? `${text}\n` : `${text}\n\n`);
    return Promise.resolve();
  }
}
