/**
 * Slack's state as `/healthz` reports it: `ok` once auth.test succeeded (HTTP mode) or the
 * socket is connected (Socket Mode); `connecting` while Socket Mode opens a connection;
 * `unreachable` when Slack did not respond; `unauthorized` when it rejected the token;
 * `unknown` before the first attempt.
 */
export type SlackState = 'unknown' | 'ok' | 'connecting' | 'unreachable' | 'unauthorized';

/** The current SlackState, set by the Slack connection code and read by the health route. */
export class SlackConnectionState {
  private state: SlackState = 'unknown';

  get current(): SlackState {
    return this.state;
  }

  set(state: SlackState): void {
    this.state = state;
  }
}
