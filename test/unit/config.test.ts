import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { SAMPLE_DATA_KEY } from '../../src/security/key-strength.js';

const credentials = { LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' };

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  return '';
}

describe('configuration', () => {
  it('names every missing or wrong variable in one message', () => {
    const message = problems({ LINE_API_BASE_URL: 'ftp://example', PORT: 'eighty', MONGODB_URI: 'postgres://x' });
    for (const name of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'DATA_ENCRYPTION_KEY', 'LINE_API_BASE_URL', 'PORT', 'MONGODB_URI']) {
      expect(message).toContain(name);
    }
  });

  it('fills the documented defaults', () => {
    const config = loadConfig({ ...credentials, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(config).toMatchObject({
      LINE_API_BASE_URL: 'https://api.line.me',
      LINE_DATA_API_BASE_URL: 'https://api-data.line.me',
      PORT: 3000,
      DIALOG_TIMEOUT_MINUTES: 30,
      NODE_ENV: 'development',
    });
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.HOST).toBeUndefined();
  });

  it('reads NODE_ENV without regard to case and refuses an unknown one', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ ...credentials, DATA_ENCRYPTION_KEY: key, NODE_ENV: 'Production' }).NODE_ENV).toBe('production');
    expect(loadConfig({ ...credentials, DATA_ENCRYPTION_KEY: key, NODE_ENV: ' TEST ' }).NODE_ENV).toBe('test');
    expect(loadConfig({ ...credentials, DATA_ENCRYPTION_KEY: key, NODE_ENV: '' }).NODE_ENV).toBe('development');
    for (const value of ['prod', 'staging', 'dev']) expect(problems({ ...credentials, DATA_ENCRYPTION_KEY: key, NODE_ENV: value })).toMatch(/NODE_ENV must be one of production, development, test/);
  });

  it('takes a random key in production', () => {
    for (let i = 0; i < 200; i++) {
      expect(() => loadConfig({ ...credentials, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') })).not.toThrow();
    }
  });

  it('refuses weak keys in production, saying how to make a good one', () => {
    const weak = {
      sample: SAMPLE_DATA_KEY,
      zeros: Buffer.alloc(32).toString('base64'),
      'one byte': Buffer.alloc(32, 0x41).toString('base64'),
      'few values': Buffer.from(Array.from({ length: 32 }, (_, i) => i % 10)).toString('base64'),
      sequence: Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64'),
      'pattern typed twice': Buffer.concat([randomBytes(16)].flatMap((b) => [b, b])).toString('base64'),
      text: Buffer.from('correct horse battery staple 123').toString('base64'),
    };
    for (const [name, key] of Object.entries(weak)) {
      expect(Buffer.from(key, 'base64').length, name).toBe(32);
      const message = problems({ ...credentials, NODE_ENV: 'PRODUCTION', DATA_ENCRYPTION_KEY: key });
      expect(message, name).toContain('DATA_ENCRYPTION_KEY');
      expect(message, name).toContain('openssl rand -base64 32');
    }
    expect(problems({ ...credentials, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: SAMPLE_DATA_KEY })).toContain('public sample');
    // Outside production a fixed key is fine: tests and trials use them.
    expect(problems({ ...credentials, DATA_ENCRYPTION_KEY: SAMPLE_DATA_KEY })).toBe('');
  });

  it('refuses a key that is not canonical base64, everywhere', () => {
    const good = randomBytes(32).toString('base64');
    const bad = {
      'inner space': `${good.slice(0, 10)} ${good.slice(10)}`,
      junk: `${good.slice(0, 10)}!${good.slice(10)}`,
      'no padding': good.replace(/=+$/, ''),
      'extra padding': `${good}=`,
      'base64url alphabet': good.replace(/\+/g, '-').replace(/\//g, '_').padEnd(good.length + 1, '-'),
      'trailing junk': `${good}AAAA`,
      short: randomBytes(16).toString('base64'),
    };
    for (const [name, key] of Object.entries(bad)) {
      for (const NODE_ENV of ['production', 'development']) {
        expect(problems({ ...credentials, NODE_ENV, DATA_ENCRYPTION_KEY: key }), `${name} in ${NODE_ENV}`).toMatch(/DATA_ENCRYPTION_KEY (is not canonical base64|must be 32 bytes)/);
      }
    }
    // Surrounding whitespace (a .env line's) is trimmed, as for every variable.
    expect(problems({ ...credentials, DATA_ENCRYPTION_KEY: ` ${good}\n` })).toBe('');
  });
});
