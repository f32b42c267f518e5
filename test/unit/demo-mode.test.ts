import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { isDemoMode } from '../../src/simulator/demo.js';

describe('demo mode', () => {
  it('starts only when asked for with DEMO=1', () => {
    expect(isDemoMode({})).toBe(false);
    expect(isDemoMode({ DEMO: '' })).toBe(false);
    expect(isDemoMode({ DEMO: '0' })).toBe(false);
    expect(isDemoMode({ DEMO: '1' })).toBe(true);
    expect(isDemoMode({ DEMO: '1', HOST: '127.0.0.1' })).toBe(true);
    expect(isDemoMode({ DEMO: '1', HOST: 'localhost' })).toBe(true);
    // Without DEMO a production-looking start without credentials is a configuration error, not a demo.
    expect(isDemoMode({ NODE_ENV: 'Production' })).toBe(false);
  });

  it('refuses DEMO=1 with anything that would expose real data or the personas', () => {
    for (const env of [
      { DEMO: '1', NODE_ENV: 'production' },
      { DEMO: '1', NODE_ENV: 'PRODUCTION' },
      { DEMO: '1', MONGODB_URI: 'mongodb://db/prongsai' },
      { DEMO: '1', LINE_CHANNEL_SECRET: 's' },
      { DEMO: '1', LINE_CHANNEL_ACCESS_TOKEN: 't' },
      { DEMO: '1', HOST: '0.0.0.0' },
      { DEMO: '1', HOST: '192.168.1.5' },
      { DEMO: 'yes' },
      { DEMO: '1', NODE_ENV: 'prod' },
    ]) {
      expect(() => isDemoMode(env), JSON.stringify(env)).toThrow(ConfigError);
    }
    expect(() => isDemoMode({ DEMO: '1', MONGODB_URI: 'mongodb://db/x' })).toThrow(/DEMO=1 cannot be used: MONGODB_URI is set/);
  });

  it('takes a blank LINE or database variable as unset, as a copied .env leaves them, and never refuses without a reason', () => {
    // A `.env` copied from .env.example and uncommented leaves `LINE_CHANNEL_SECRET=`: nothing is set there.
    expect(isDemoMode({ DEMO: '1', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: ' ', MONGODB_URI: '' })).toBe(true);
    for (const env of [
      { DEMO: '1', LINE_CHANNEL_SECRET: '', NODE_ENV: 'production' },
      { DEMO: '1', LINE_CHANNEL_SECRET: '', HOST: '0.0.0.0' },
      { DEMO: '1', LINE_CHANNEL_SECRET: 's', MONGODB_URI: '' },
    ]) {
      let problems: string[] = [];
      try {
        isDemoMode(env);
      } catch (error) {
        problems = (error as ConfigError).problems;
      }
      expect(problems.length, JSON.stringify(env)).toBe(1);
      expect(problems[0], JSON.stringify(env)).toMatch(/^DEMO=1 cannot be used: (NODE_ENV is production;|HOST 0\.0\.0\.0 is not|LINE_CHANNEL_SECRET is set;)/);
    }
  });
});
