import { z } from 'zod';

/** Maximum characters of a topic body: the text limit of one Slack section block. */
export const topicBodyMaxChars = 3_000;

const topicIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "docker-stop"');

const oneLineSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[^\r\n]*$/, 'must be a single line');

/** Front matter of a topic file in `prompts/`. Unknown keys are rejected to catch typos. */
export const topicFrontMatterSchema = z.strictObject({
  id: topicIdSchema,
  title: oneLineSchema.max(100),
  aliases: z.array(oneLineSchema.max(60)),
  related: z.array(topicIdSchema),
  summary: oneLineSchema.max(300),
});

export type TopicFrontMatter = z.infer<typeof topicFrontMatterSchema>;

/** An explanation topic: its front matter and a Slack mrkdwn body. */
export interface Topic {
  id: string;
  title: string;
  aliases: string[];
  /** Ids of other topics worth reading next. */
  related: string[];
  summary: string;
  body: string;
}
