import type { OrgSettings } from '../domain/organisation.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import type { ChatContext } from '../features/common/context.js';

/** What the chat needs from the process around it for one event (intake/process-event.ts gives it). */
export interface ChatDeps {
  /** The event's organisation and its settings, resolved once for the event (tenants/directory.ts). */
  org: OrgSettings;
  /** Its active fiscal year, kept by the tenant directory. */
  activeFiscalYear: () => Promise<number>;
  /** No attempt of this event ran before this one: nothing of it (a kept dialog) can be in the database yet. */
  firstAttempt?: boolean;
  sealer: Sealer;
  line: ChatContext['line'];
  log: Logger;
  kickOutbox?: ChatContext['kickOutbox'];
  reportLink?: ChatContext['reportLink'];
  evidenceLink?: ChatContext['evidenceLink'];
  publicPageUrl?: ChatContext['publicPageUrl'];
  now: Date;
}
