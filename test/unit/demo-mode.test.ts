import { describe, expect, it } from 'vitest';
import { isDemoMode } from '../../src/simulator/demo.js';

describe('demo mode', () => {
  it('starts only without LINE credentials and outside production', () => {
    expect(isDemoMode({})).toBe(true);
    expect(isDemoMode({ NODE_ENV: 'production' })).toBe(false);
    expect(isDemoMode({ LINE_CHANNEL_SECRET: 's' })).toBe(false);
    expect(isDemoMode({ LINE_CHANNEL_ACCESS_TOKEN: 't' })).toBe(false);
  });
});
