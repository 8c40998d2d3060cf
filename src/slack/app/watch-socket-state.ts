import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';
import type { SlackConnectionState } from './slack-connection-state.js';

/** Follows the Socket Mode client's connection events into the state `/healthz` reports. */
export function watchSocketState(
  client: SocketModeReceiver['client'],
  state: SlackConnectionState,
  logger: Logger,
): void {
  client.on('connecting', () => state.set('connecting'));
  client.on('reconnecting', () => {
    state.set('connecting');
    logger.warn('Socket Mode connection lost; reconnecting');
  });
  client.on('connected', () => {
    state.set('ok');
    logger.info('Socket Mode connected');
  });
  client.on('disconnected', () => {
    if (state.current === 'ok') state.set('unreachable');
  });
}
