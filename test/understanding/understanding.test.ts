/**
 * Issue 26, point 8: how well the bot understands people's own words, measured on the labelled phrases
 * in test/phrases/phrases.tsv, each sent as a person would (a fresh LINE user of the right role, through
 * signed webhooks, to the real app on the real database and the fake LINE) and read from the bot's reply
 * and the dialog it left (measure.ts says how each intent is recognised).
 *
 * The thresholds are the issue's: at least 90 % of the held-out phrases of every intent understood, and
 * at most 5 % of the held-out non-commands taken for a command. An intent still below 90 % is named in
 * BELOW_TARGET with the figure it reached: it may not fall below that, and it must leave the list once it
 * reaches the target (docs/conversation.md, "Understanding, measured", has the figures).
 * `npm run measure-understanding` runs the measurement alone, printing the table and writing
 * bench/results/understanding.json.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { startHarness, type Harness } from '../support/harness.js';
import { measureAll, ORG, table, tally, writeFigures, type Figures } from './measure.js';
import { INTENTS, loadPhrases } from './phrase-set.js';

const RESULTS = fileURLToPath(new URL('../../bench/results/understanding.json', import.meta.url));
const measureOnly = process.env.UNDERSTANDING_MEASURE_ONLY === '1';

let h: Harness;
let figures: Figures;

beforeAll(async () => {
  h = await startHarness();
  const now = new Date();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { toFiscalYear: fiscalYearOf(now), now })).toMatchObject({ ok: true });
  figures = tally(await measureAll(h, loadPhrases()), now);
  // Only the script records its figures: a test run leaves the committed baseline alone.
  if (measureOnly) writeFigures(figures, RESULTS);
  console.log(table(figures));
}, 900_000);
afterAll(async () => {
  await h?.close();
});

describe('the phrase set', () => {
  it('has at least 400 messages, every intent in both parts, about a third held out', () => {
    const phrases = loadPhrases();
    expect(phrases.length).toBeGreaterThanOrEqual(400);
    for (const intent of INTENTS) {
      const mine = phrases.filter((p) => p.intent === intent);
      const held = mine.filter((p) => p.split === 'held-out').length;
      expect({ intent, held: held > 0 && held < mine.length }).toEqual({ intent, held: true });
    }
    const held = phrases.filter((p) => p.split === 'held-out').length / phrases.length;
    expect(held).toBeGreaterThan(0.28);
    expect(held).toBeLessThan(0.4);
  });
});

/**
 * Intents below the 90 % on the held-out phrases, with the percentage they reached: a floor, not a
 * target. Built only from the build part, they are not tuned on the held-out phrases that miss.
 */
const BELOW_TARGET: Partial<Record<string, number>> = {};

describe.skipIf(measureOnly)('understanding on the held-out phrases (the issue\'s thresholds)', () => {
  it.each(INTENTS.filter((i) => i !== 'none'))('understands %s at least 90 % of the time, or no less than its recorded floor', (intent) => {
    const r = figures.intents[intent]!.heldOut;
    const floor = BELOW_TARGET[intent];
    const missed = figures.misses.filter((m) => m.intent === intent && m.split === 'held-out').map((m) => `${m.text} → ${m.reading}`);
    // Reaching the target with a floor recorded fails too, so that BELOW_TARGET never hides a regression.
    const holds = (p: number) => (floor === undefined ? p >= 90 : p >= floor && p < 90);
    expect({ intent, percent: r.percent, missed }).toEqual({ intent, percent: expect.toSatisfy(holds), missed: expect.anything() });
  });

  it('answers pleasantries politely (no "not understood", no wall of help) at least 90 % of the time', () => {
    const r = figures.intents.none!.heldOut;
    const missed = figures.misses.filter((m) => m.intent === 'none' && m.split === 'held-out').map((m) => `${m.text} → ${m.reading}`);
    expect({ percent: r.percent, missed }).toEqual({ percent: expect.toSatisfy((p: number) => p >= 90), missed: expect.anything() });
  });

  it('takes at most 5 % of non-commands for a command', () => {
    expect(figures.falseStarts.heldOut.percent).toBeLessThanOrEqual(5);
  });
});
