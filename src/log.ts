import { pino, type Logger } from 'pino';

/**
 * One logger for the process. Message text, names and tokens are personal data or secrets, so they are
 * redacted wherever they appear in a logged object; log ids and counts, not content, and never a LINE id.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'prongsai' },
      serializers: { err: errorForLog },
      redact: {
        paths: [
          'text',
          '*.text',
          'displayName',
          '*.displayName',
          'fullName',
          '*.fullName',
          'replyToken',
          '*.replyToken',
          'userId',
          '*.userId',
          'groupId',
          '*.groupId',
          'roomId',
          '*.roomId',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'headers["x-line-signature"]',
          'channelAccessToken',
          'channelSecret',
          'secret',
          '*.secret',
          'accessToken',
          '*.accessToken',
          'uri',
          '*.uri',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}

/**
 * What a logged error keeps: its kind, message, stack, and the codes that tell one failure from another.
 * Not its other fields: a driver's error carries the document or key that failed, a validation error the
 * values it refused, and those may be what a person typed.
 */
export function errorForLog(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
  const e = error as Error & { code?: unknown; status?: unknown; body?: unknown };
  return {
    type: e.name,
    message: e.message.slice(0, 500),
    stack: e.stack,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    // LINE's description of a refused call (which field, which rule), never the values sent.
    ...(typeof e.body === 'string' ? { body: e.body.slice(0, 300) } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: errorForLog(e.cause, depth + 1) } : {}),
  };
}

export const log = createLogger();
export type { Logger };
