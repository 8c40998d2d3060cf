import { z } from 'zod';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const pid1KindSchema = z.enum([
  'app',
  'shell',
  'init',
  'package-manager',
  'supervisor',
  'systemd',
]);
export type Pid1Kind = z.infer<typeof pid1KindSchema>;

const nonEmpty = z.string().min(1);

export const findingSchema = z.object({
  id: nonEmpty,
  severity: severitySchema,
  title: nonEmpty,
  evidence: nonEmpty,
  fix: nonEmpty,
  topic: nonEmpty,
});
export type Finding = z.infer<typeof findingSchema>;

export const processSchema = z.object({
  pid: z.number().int().positive(),
  ppid: z.number().int().nonnegative(),
  state: z.string(),
  executable: z.string(),
  command: z.string(),
  argv: z.array(z.string()),
  /** True when the probe saw the same process in both of its snapshots, about a second apart. */
  lasting: z.boolean(),
});
export type ProcessEntry = z.infer<typeof processSchema>;

/** Signal numbers decoded from the SigCgt, SigBlk and SigIgn masks of /proc/1/status. */
export const signalMasksSchema = z.object({
  caught: z.array(z.string()),
  blocked: z.array(z.string()),
  ignored: z.array(z.string()),
});
export type SignalMasks = z.infer<typeof signalMasksSchema>;

export const stopReasonSchema = z.enum(['exited', 'killed-after-grace', 'stopped-waiting-early']);
export type StopReason = z.infer<typeof stopReasonSchema>;

export const stopResultSchema = z.object({
  signal: nonEmpty,
  graceful: z.boolean(),
  seconds: z.number().nonnegative(),
  exitCode: z.number().int().nullable(),
  reason: stopReasonSchema,
  detail: z.string(),
  graceSeconds: z.number().positive(),
});
export type StopResult = z.infer<typeof stopResultSchema>;

export const zombieResultSchema = z.object({
  /** True when the probe's orphan was reaped and no lasting zombie was seen. */
  reaped: z.boolean(),
  /** Zombies in the PID namespace at the end of the orphan probe, the probe's orphan included. */
  observed: z.number().int().nonnegative(),
  orphanReaped: z.boolean().nullable(),
  orphanReapMs: z.number().nonnegative().nullable(),
  lastingZombies: z.array(processSchema),
});
export type ZombieResult = z.infer<typeof zombieResultSchema>;

export const imageInfoSchema = z.object({
  reference: nonEmpty,
  id: z.string(),
  entrypoint: z.array(z.string()).nullable(),
  cmd: z.array(z.string()).nullable(),
  stopSignal: z.string().nullable(),
  user: z.string(),
  shell: z.array(z.string()).nullable(),
});
export type ImageInfo = z.infer<typeof imageInfoSchema>;

export const pid1InfoSchema = z.object({
  command: z.string(),
  executable: z.string(),
  kind: pid1KindSchema,
  signals: signalMasksSchema.nullable(),
});
export type Pid1Info = z.infer<typeof pid1InfoSchema>;

export const runInfoSchema = z.object({
  /** The argv the target was started with: entrypoint then cmd, after any override. */
  command: z.array(z.string()),
  tty: z.boolean(),
  env: z.array(z.string()),
});
export type RunInfo = z.infer<typeof runInfoSchema>;

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  checkId: nonEmpty,
  image: imageInfoSchema,
  run: runInfoSchema.nullable(),
  verdict: z.enum(['healthy', 'problems']),
  pid1: pid1InfoSchema.nullable(),
  processes: z.array(processSchema),
  /** True when the namespace had more processes than the probe lists (300), so the list is cut. */
  processesTruncated: z.boolean().optional(),
  stop: stopResultSchema.nullable(),
  zombies: zombieResultSchema.nullable(),
  findings: z.array(findingSchema),
  durationMs: z.number().nonnegative(),
});
export type Report = z.infer<typeof reportSchema>;

export const errorReportSchema = z.object({
  schemaVersion: z.literal(1),
  verdict: z.literal('error'),
  error: z.object({ code: nonEmpty, message: nonEmpty }),
});
export type ErrorReport = z.infer<typeof errorReportSchema>;
