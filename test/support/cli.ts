import { inject } from 'vitest';
import type { FakeLine } from './fake-line.js';
import { TEST_DATA_KEY } from './harness.js';

/** The environment the operator CLI runs with in a test: the test's own database and the fake LINE. */
export function cliEnv(dbName: string, orgId: string, fake: FakeLine, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const uri = new URL(inject('mongoUri'));
  uri.pathname = `/${dbName}`;
  return {
    ...process.env,
    MONGODB_URI: uri.toString(),
    ORG_CODE: orgId,
    LINE_CHANNEL_SECRET: 'x',
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}
