import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('names every missing or wrong variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ LINE_API_BASE_URL: 'ftp://example', PORT: 'eighty', MONGODB_URI: 'postgres://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'DATA_ENCRYPTION_KEY', 'LINE_API_BASE_URL', 'PORT', 'MONGODB_URI']) {
      expect(message).toContain(name);
    }
  });

  it('fills the documented defaults', () => {
    const config = loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(config).toMatchObject({
      LINE_API_BASE_URL: 'https://api.line.me',
      LINE_DATA_API_BASE_URL: 'https://api-data.line.me',
      PORT: 3000,
      DIALOG_TIMEOUT_MINUTES: 30,
    });
    expect(config.MONGODB_URI).toBeUndefined();
  });
});
