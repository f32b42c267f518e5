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
      redact: {
        paths: [
          'text',
          '*.text',
          'displayName',
          '*.displayName',
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

export const log = createLogger();
export type { Logger };
