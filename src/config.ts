import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { DEFAULT_COMPLAINT_CATEGORIES, MAX_CATEGORIES, MAX_CATEGORY_LENGTH, parseCategories } from './domain/closure.js';
import type { DeploymentSettings, TimeOfDay } from './domain/organisation.js';
import { DIGEST_OFF, parseDigestChoice } from './domain/notice-timing.js';
import { parseThresholds, type Threshold } from './domain/summary.js';
import { dataKeyProblem } from './security/key-strength.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((u) => u.replace(/\/+$/, ''));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** A job's schedule moved by the deployment; unset, the job's own default (`cron` in its definition, src/jobs/). */
const cron = z.string().trim().refine((v) => isValidCron(v), 'must be a cron expression, e.g. "0 9 * * *"').optional();

/** An empty variable counts as unset, as in a .env line `NAME=`. */
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * NODE_ENV is read without regard to case (`Production` is production) and an unknown value stops the start:
 * a typo such as `prod` must not quietly run with development's leniency.
 */
const NODE_ENVS = ['production', 'development', 'test'] as const;
const nodeEnv = z.preprocess(
  (v) => (typeof unsetIfEmpty(v) === 'string' ? (v as string).trim().toLowerCase() : undefined),
  z.enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')} (any case) or unset` }).default('development'),
);

const base = z.object({
  NODE_ENV: nodeEnv,
  DEMO: z.preprocess(unsetIfEmpty, z.enum(['0', '1'], { error: 'must be 1 (demo mode) or unset' }).optional()),
  HOST: z.preprocess(unsetIfEmpty, z.string().trim().optional()),
  LINE_CHANNEL_SECRET: z
    .string({ error: 'is required (LINE Developers console → Basic settings → Channel secret; or DEMO=1 to try the bot without LINE)' })
    .trim()
    .min(1, 'is required'),
  LINE_CHANNEL_ACCESS_TOKEN: z.string({ error: 'is required (LINE Developers console → Messaging API → Channel access token)' }).trim().min(1, 'is required'),
  // Its format is checked here, its strength with NODE_ENV below: production refuses weak keys that trials may use.
  DATA_ENCRYPTION_KEY: z
    .string({ error: 'is required: 32 random bytes in base64 (openssl rand -base64 32); it encrypts LINE ids and events at rest' })
    .trim()
    .superRefine((v, ctx) => {
      const problem = dataKeyProblem(v, false);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
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
  PUBLIC_PAGE_CACHE_MINUTES: positiveInt(5),
  ORG_CODE: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lowercase letters, digits or -').default('default'),
  DIALOG_TIMEOUT_MINUTES: positiveInt(30),
  WEBHOOK_BODY_LIMIT: z.string().trim().regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 2mb').default('2mb'),
  EVENT_MAX_ATTEMPTS: positiveInt(5),
  // Events held in memory at once; above it webhooks are stored for later and answered 503. 5,000 is about
  // 10–15 s of processing: within the reply token's minute, and a few MiB.
  EVENT_QUEUE_LIMIT: positiveInt(5_000),
  /**
   * How long after an event its reply token is used; a later answer is pushed (paid). LINE says "about a
   * minute" and promises no figure: 50 s keeps a margin. Lowered only to scale a burst benchmark down.
   */
  REPLY_TOKEN_SAFE_SECONDS: z.coerce.number().int().min(1).max(55).default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Schedules, read in Asia/Bangkok; each job's default is in its definition (src/jobs/).
  FOLLOW_UP_CRON: cron,
  MONTHLY_SUMMARY_CRON: cron,
  ROUND_REMINDER_CRON: cron,
  COMPLAINT_DEADLINE_CRON: cron,
  OIT_REMINDER_CRON: cron,
  OIT_REMINDER_DAYS_BEFORE: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'must be whole days separated by commas, e.g. 7,3,1')
    .default('7,3,1')
    .transform((v) => v.split(',').map((d) => Number(d.trim()))),
  OIT_URL_CHECK_CRON: cron,
  ROLLUP_SUMMARY_CRON: cron,
  MESSAGE_QUOTA_CRON: cron,
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
  // A general complaint's category is chosen from quick replies: LINE's 20-character labels, 12 besides "ยกเลิก".
  COMPLAINT_CATEGORIES: z
    .string()
    .trim()
    .default(DEFAULT_COMPLAINT_CATEGORIES.join(','))
    .transform((v, ctx): string[] => {
      const parsed = parseCategories(v);
      if (!parsed) ctx.addIssue({ code: 'custom', message: `must be 1–${MAX_CATEGORIES} names separated by commas, each at most ${MAX_CATEGORY_LENGTH} characters, none repeated` });
      return parsed ?? [];
    }),
  OUTBOX_MAX_ATTEMPTS: positiveInt(8),
  /** Notices to the same people within this many seconds go as one push (0: each on its own, at once). */
  NOTICE_MERGE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  /**
   * The Bangkok time of the daily digest of notices that may wait ("HH:MM"), or `off`: an organisation's own
   * choice (`ตั้งค่า`, `org update --digest-time`) wins.
   */
  NOTICE_DIGEST_TIME: z
    .string()
    .trim()
    .default('16:00')
    .transform((v, ctx): TimeOfDay | null => {
      const choice = parseDigestChoice(v);
      if (!choice) ctx.addIssue({ code: 'custom', message: 'must be a Bangkok time of day HH:MM (e.g. 16:00) or off' });
      return choice === DIGEST_OFF || !choice ? null : choice;
    }),
  JOB_LEASE_SECONDS: positiveInt(120),
});

const schema = base.superRefine((config, ctx) => {
  const problem = dataKeyProblem(config.DATA_ENCRYPTION_KEY, config.NODE_ENV === 'production');
  if (problem) ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: problem });
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

/** What the environment sets for every organisation that did not set its own (`OrgSettings`). */
export function deploymentSettings(
  config: Pick<
    Config,
    'IMPLEMENTATION_LEVEL_THRESHOLDS' | 'COMPLAINT_CATEGORIES' | 'DIALOG_TIMEOUT_MINUTES' | 'ROUND_REMINDER_DAYS_BEFORE' | 'OIT_REMINDER_DAYS_BEFORE' | 'NOTICE_MERGE_SECONDS' | 'NOTICE_DIGEST_TIME'
  >,
): DeploymentSettings {
  return {
    thresholds: config.IMPLEMENTATION_LEVEL_THRESHOLDS,
    complaintCategories: config.COMPLAINT_CATEGORIES,
    dialogTimeoutMinutes: config.DIALOG_TIMEOUT_MINUTES,
    roundReminderDaysBefore: config.ROUND_REMINDER_DAYS_BEFORE,
    oitReminderDaysBefore: config.OIT_REMINDER_DAYS_BEFORE,
    notices: { mergeSeconds: config.NOTICE_MERGE_SECONDS, digestTime: config.NOTICE_DIGEST_TIME },
  };
}

/** The data key alone, for operator commands that seal secrets (an organisation's LINE channel). */
export function loadDataKey(env: NodeJS.ProcessEnv = process.env): string {
  return parse(base.pick({ DATA_ENCRYPTION_KEY: true }), env).DATA_ENCRYPTION_KEY;
}

/** Where the bot is reached from outside, for links an operator command prints; the local default without it. */
export function loadPublicBaseUrl(env: NodeJS.ProcessEnv = process.env): { url: string; configured: boolean } {
  const { PUBLIC_BASE_URL, PORT } = parse(base.pick({ PUBLIC_BASE_URL: true, PORT: true }), env);
  return PUBLIC_BASE_URL ? { url: PUBLIC_BASE_URL, configured: true } : { url: `http://localhost:${PORT}`, configured: false };
}

const storageSchema = base.pick({ MONGODB_URI: true, LOCAL_DATA_DIR: true, ORG_CODE: true });
export type StorageConfig = z.infer<typeof storageSchema>;

/** What operator commands need: the database and the organisation, not the LINE channel. */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  return parse(storageSchema, env);
}



const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Whether to start in demo mode (fake LINE, seeded personas anyone can act as). Only when asked for with
 * DEMO=1, and a DEMO=1 that could expose real data or people stops the start instead of being ignored:
 * production, a real database or a LINE credential, or an address other people can reach.
 */
export function demoRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const parsed = base.pick({ NODE_ENV: true, DEMO: true, HOST: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  if (parsed.data.DEMO !== '1') return false;
  // A blank variable counts as unset (a copied .env's `LINE_CHANNEL_SECRET=`), as everywhere in the configuration.
  const isSet = (name: string) => unsetIfEmpty(env[name]) !== undefined;
  const conflicts = [
    parsed.data.NODE_ENV === 'production' && 'NODE_ENV is production',
    isSet('MONGODB_URI') && 'MONGODB_URI is set (demo mode would seed personas into that database)',
    isSet('LINE_CHANNEL_SECRET') && 'LINE_CHANNEL_SECRET is set',
    isSet('LINE_CHANNEL_ACCESS_TOKEN') && 'LINE_CHANNEL_ACCESS_TOKEN is set',
    parsed.data.HOST && !LOOPBACK.test(parsed.data.HOST) && `HOST ${parsed.data.HOST} is not a loopback address (anyone who reaches it could act as the personas)`,
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  if (conflicts.length) throw new ConfigError(conflicts.map((c) => `DEMO=1 cannot be used: ${c}; remove DEMO or the other setting`));
  return true;
}
