import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const placeholderUrl = 'https://example.invalid/slack/events';

// The fields pid1 uses, with the limits documented in @slack/web-api 8's Manifest type.
const manifestSchema = z.object({
  _metadata: z.object({ major_version: z.literal(1), minor_version: z.number().int() }),
  display_information: z.object({
    name: z.string().min(1).max(35),
    description: z.string().max(140),
    long_description: z.string().max(4000),
    background_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  features: z.object({
    app_home: z.object({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    bot_user: z.object({
      display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/),
      always_online: z.boolean(),
    }),
    slash_commands: z.array(
      z.object({
        command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
        url: z.url({ protocol: /^https$/ }),
        description: z.string().min(1).max(2000),
        usage_hint: z.string().max(1000),
        should_escape: z.boolean(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({
      request_url: z.url({ protocol: /^https$/ }),
      bot_events: z.array(z.string()).max(100),
    }),
    interactivity: z.object({
      is_enabled: z.boolean(),
      request_url: z.url({ protocol: /^https$/ }),
    }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

describe('manifest.yml', () => {
  const manifest = manifestSchema.parse(
    parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')),
  );

  it('names the app and its bot pid1', () => {
    expect(manifest.display_information.name).toBe('pid1');
    expect(manifest.features.bot_user.display_name).toBe('pid1');
  });

  it('declares /pid1 with a usage hint', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const command = manifest.features.slash_commands[0];
    expect(command?.command).toBe('/pid1');
    expect(command?.usage_hint).toBe(
      'check IMAGE [--cmd "ARGS"] [--grace SECONDS] | explain [TOPIC or question] | demo SCENARIO | help',
    );
    expect(command?.url).toBe(placeholderUrl);
  });

  it('asks for the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write'].sort(),
    );
  });

  it('subscribes to mentions and direct messages', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.event_subscriptions.request_url).toBe(placeholderUrl);
  });

  it('enables interactivity and Socket Mode', () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: placeholderUrl,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });
});
