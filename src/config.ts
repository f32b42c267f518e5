import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { parseThresholds, type Threshold } from './domain/summary.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((u) => u.replace(/\/+$/, ''));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const cron = (fallback: string) => z.string().trim().refine((v) => isValidCron(v), 'must be a cron expression, e.g. "0 9 * * *"').default(fallback);

const schema = z.object({
  LINE_CHANNEL_SECRET: z.string({ error: 'is required (LINE Developers console → Basic settings → Channel secret)' }).trim().min(1, 'is required'),
  LINE_CHANNEL_ACCESS_TOKEN: z.string({ error: 'is required (LINE Developers console → Messaging API → Channel access token)' }).trim().min(1, 'is required'),
  DATA_ENCRYPTION_KEY: z
    .string({ error: 'is required: 32 random bytes in base64 (openssl rand -base64 32); it encrypts LINE ids and events at rest' })
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  LINE_API_BASE_URL: httpUrl.default('https://api.line.me'),
  LINE_DATA_API_BASE_URL: httpUrl.default('https://api-data.line.me'),
  LINE_REQUEST_TIMEOUT_MS: positiveInt(10_000),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOCAL_DATA_DIR: z.string().trim().min(1).default('.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  REPORT_LINK_MINUTES: positiveInt(30),
  EVIDENCE_LINK_MINUTES: positiveInt(30),
  ORG_CODE: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lowercase letters, digits or -').default('default'),
  DIALOG_TIMEOUT_MINUTES: positiveInt(30),
  WEBHOOK_BODY_LIMIT: z.string().trim().regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 2mb').default('2mb'),
  EVENT_MAX_ATTEMPTS: positiveInt(5),
  // Events held in memory at once; above it webhooks are stored for later and answered 503. 5,000 is about
  // 10–15 s of processing: within the reply token's minute, and a few MiB.
  EVENT_QUEUE_LIMIT: positiveInt(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Schedules, read in Asia/Bangkok. Each job also checks the day itself (last day of the month, first
  // working day, N days before a round), so a cron that fires on several candidate days sends once.
  FOLLOW_UP_CRON: cron('0 9 28-31 * *'),
  MONTHLY_SUMMARY_CRON: cron('30 8 1-7 * 1-5'),
  ROUND_REMINDER_CRON: cron('0 9 * 3,9 *'),
  COMPLAINT_DEADLINE_CRON: cron('0 9 * * *'),
  // OIT: reminders on candidate days of January–April (the job keeps to Mondays and the last days before 30
  // April); the published addresses are checked every morning.
  OIT_REMINDER_CRON: cron('0 9 * 1-4 *'),
  OIT_REMINDER_DAYS_BEFORE: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be whole days separated by commas, e.g. 7,3,1')
    .default('7,3,1')
    .transform((v) => v.split(',').map((d) => Number(d.trim()))),
  OIT_URL_CHECK_CRON: cron('0 6 * * *'),
  OIT_URL_TIMEOUT_MS: positiveInt(10_000),
  ROUND_REMINDER_DAYS_BEFORE: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be whole days separated by commas, e.g. 7,1')
    .default('7,1')
    .transform((v) => v.split(',').map((d) => Number(d.trim()))),
  IMPLEMENTATION_LEVEL_THRESHOLDS: z
    .string()
    .trim()
    .default('มากที่สุด:90,มาก:70,ปานกลาง:50,น้อย:30,น้อยที่สุด:0')
    .transform((v, ctx): Threshold[] => {
      const parsed = parseThresholds(v);
      if (!parsed) ctx.addIssue({ code: 'custom', message: 'must look like มาก:70,ปานกลาง:50,น้อย:0 (one label with 0)' });
      return parsed ?? [];
    }),
  OUTBOX_MAX_ATTEMPTS: positiveInt(8),
  JOB_LEASE_SECONDS: positiveInt(120),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

function parse<T>(s: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const result = s.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
}

/** Reads and validates the environment; every missing or wrong variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parse(schema, env);
}

const storageSchema = schema.pick({ MONGODB_URI: true, LOCAL_DATA_DIR: true, ORG_CODE: true });
export type StorageConfig = z.infer<typeof storageSchema>;

/** What operator commands need: the database and the organisation, not the LINE channel. */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  return parse(storageSchema, env);
}


