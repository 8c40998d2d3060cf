/** Builds a block_actions payload for a button click on a message, as Slack sends it. */
export function buttonClickPayload(options: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  isEphemeral?: boolean;
  messageTs?: string;
}): Record<string, unknown> {
  const isEphemeral = options.isEphemeral ?? true;
  return {
    type: 'block_actions',
    user: { id: options.userId ?? 'U1234', username: 'tester', name: 'tester', team_id: 'T1234' },
    api_app_id: 'A1234',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: options.messageTs ?? '1700000000.000001',
      channel_id: 'C1234',
      is_ephemeral: isEphemeral,
    },
    trigger_id: '1234.5678.abcd',
    team: { id: 'T1234', domain: 'example' },
    channel: { id: 'C1234', name: 'general' },
    ...(isEphemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: options.messageTs ?? '1700000000.000001',
            text: 'report',
          },
        }),
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'block-1',
        text: { type: 'plain_text', text: 'button' },
        value: options.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  accessory?: { action_id: string; value: string; text: { text: string } };
  elements?: {
    type: string;
    action_id?: string;
    value?: string;
    text?: { text: string } | string;
  }[];
}

/** Returns the blocks of a recorded message body. */
export function blocksOf(body: Record<string, unknown>): Block[] {
  return (body['blocks'] as Block[] | undefined) ?? [];
}

/** Lists every button in the blocks, as action id and value. */
export function buttonsOf(body: Record<string, unknown>): { actionId: string; value: string }[] {
  const buttons: { actionId: string; value: string }[] = [];
  for (const block of blocksOf(body)) {
    if (block.accessory !== undefined)
      buttons.push({ actionId: block.accessory.action_id, value: block.accessory.value });
    for (const element of block.elements ?? []) {
      if (element.type === 'button')
        buttons.push({ actionId: element.action_id ?? '', value: element.value ?? '' });
    }
  }
  return buttons;
}

/** True when the recorded body is a full report, which starts with its header block. */
export function isReport(body: Record<string, unknown>): boolean {
  const first = blocksOf(body)[0];
  return first?.type === 'header' && (first.text?.text ?? '').startsWith('pid1 check: ');
}
