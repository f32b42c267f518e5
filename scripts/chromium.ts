import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflate } from '@sparticuz/chromium';

/**
 * The browser for the simulator test and the rich-menu pictures comes from npm like everything else: `@sparticuz/chromium` ships a
 * headless Chromium with the few libraries it needs (NSS, expat) and a font, compressed; they are unpacked
 * into the temporary folder once. CHROMIUM_PATH points at another build instead (e.g. Debian's).
 */
export async function headlessChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, env };
  const packed = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const [executablePath, fonts, libraries] = await Promise.all(
    ['chromium.br', 'fonts.tar.br', 'al2023.tar.br'].map((file) => inflate(join(packed, file))),
  );
  const libs = join(libraries!, 'lib');
  return {
    executablePath: executablePath!,
    env: {
      ...env,
      LD_LIBRARY_PATH: [libs, env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: fonts!,
      HOME: env.HOME ?? tmpdir(),
    },
  };
}
