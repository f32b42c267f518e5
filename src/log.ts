import { pino, type Logger } from 'pino';

/**
 * One logger for the process. Message text, names and tokens are personal data or secrets, so they are
 * redacted wherever they appear in a logged object; log ids and counts, not content.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { app: 'prongsai' },
    redact: {
      paths: [
        'text',
        '*.text',
        'displayName',
        '*.displayName',
        'replyToken',
        '*.replyToken',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'headers["x-line-signature"]',
        'channelAccessToken',
        'channelSecret',
        'uri',
        '*.uri',
      ],
      censor: '[redacted]',
    },
  });
}

export const log = createLogger();
export type { Logger };
