import type { Config } from '../config.js';
import { DEFAULT_DIGIT_STYLE } from '../domain/figures.js';
import type { OrgSettings } from '../domain/organisation.js';
import type { LineClient } from '../line/client.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { createBudgetGate } from './message-budget.js';
import { createMessageMeter, type MessageMeter } from './message-meter.js';
import { OutboxSender } from './sender.js';

export interface OutboxDeps {
  config: Pick<Config, 'OUTBOX_MAX_ATTEMPTS' | 'NOTICE_MERGE_SECONDS' | 'NOTICE_DIGEST_TIME'>;
  /** Each organisation's LINE client and resolved settings (the tenant directory). */
  lineFor: (orgId: string) => LineClient;
  settingsOf: (orgId: string) => Pick<OrgSettings, 'digits' | 'notices'>;
  log: Logger;
  sealer: Sealer;
  instanceId: string;
  now: () => Date;
}

/**
 * The outbox's sender with what it keeps to (the month's count and budget, the organisation's notice timing and
 * digits): one construction for the server and the CLI's `jobs run`, so both send the same way.
 */
export function createOutbox(deps: OutboxDeps): { meter: MessageMeter; sender: OutboxSender } {
  const { config, lineFor, settingsOf, log, sealer, instanceId, now } = deps;
  const meter = createMessageMeter({ lineFor, log, now });
  // The budget's warnings kick the sender, which exists only once the gate does.
  let kick = () => {};
  const budget = createBudgetGate({ meter, sealer, log, kick: () => kick(), timingOf: (orgId) => settingsOf(orgId).notices });
  const sender = new OutboxSender({
    lineFor,
    log,
    instanceId,
    sealer,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    now,
    meter,
    budget,
    mergeNotices: config.NOTICE_MERGE_SECONDS > 0 || config.NOTICE_DIGEST_TIME !== null,
    digitsOf: (orgId) => settingsOf(orgId).digits ?? DEFAULT_DIGIT_STYLE,
  });
  kick = () => sender.kick();
  return { meter, sender };
}
