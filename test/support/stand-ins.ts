import type { ChatContext, Sender } from '../../src/features/common/context.js';
import type { ChatStores } from '../../src/db/chat-stores.js';
import type { DialogInput } from '../../src/dialogs/types.js';
import type { Complaint, TimelineEntry } from '../../src/domain/complaints.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import type { StaffRole } from '../../src/domain/roles.js';
import { WEEKENDS_ONLY } from '../../src/domain/working-days.js';
import { createLogger } from '../../src/log.js';
import { createSealer, newDataKey } from '../../src/security/crypto.js';

/** No database here, so no key shared with one: a sealer of this test's own. */
export const standInSealer = createSealer(newDataKey());

/**
 * In-memory stand-ins for a feature's stores: only the functions the feature uses are given. A function
 * not given fails the test when the feature calls it, so a test also shows what a step does not read.
 * The stores are already scoped to the organisation (as `ctx.stores` is), so no stand-in sees an orgId.
 */
export type StandIns = { [M in keyof ChatStores]?: Partial<ChatStores[M]> };

export function standInStores(given: StandIns): ChatStores {
  const modules = new Map<string, unknown>();
  return new Proxy({} as ChatStores, {
    get(_target, module: string) {
      if (!modules.has(module)) {
        const fns = (given as Record<string, Record<string, unknown> | undefined>)[module] ?? {};
        modules.set(
          module,
          new Proxy(fns, {
            get: (own, fn: string) =>
              fn in own
                ? own[fn]
                : () => {
                    throw new Error(`stores.${module}.${fn} has no stand-in in this test: the feature was not expected to call it`);
                  },
          }),
        );
      }
      return modules.get(module);
    },
  });
}

/** What a stand-in context records of a step: the dialog it saved or dropped. */
export interface StepRecord {
  dialog: ChatContext['dialog'];
  ended: boolean;
}

/** Who wrote, by role: a citizen (no roles) unless roles are given. */
export function sender(userId = 'U-citizen', roles: StaffRole[] = []): Sender {
  const staff = roles.length > 0 ? { lineUserId: userId, displayName: 'เจ้าหน้าที่', roles, unit: null, position: null } : null;
  return { userId, userKey: standInSealer.userKey(userId), staff, roles };
}

export const typed = (text: string): DialogInput => ({ kind: 'text', text });
export const pressed = (action: string, params: Record<string, string> = {}): DialogInput => ({ kind: 'postback', action, params });

/**
 * A chat context for one event, without a database or LINE: the organisation "org-a" (Arabic digits, the
 * default thresholds, weekends as its only days off), the given input, sender and stand-in stores.
 */
export function standInContext(options: { input: DialogInput; stores: StandIns; sender?: Sender; argument?: string; now?: Date; dialog?: ChatContext['dialog'] } & Partial<Pick<ChatContext, 'publicPageUrl' | 'reportLink' | 'evidenceLink' | 'features'>>): ChatContext & { step: StepRecord } {
  const step: StepRecord = { dialog: options.dialog ?? null, ended: false };
  const ctx: ChatContext & { step: StepRecord } = {
    input: options.input,
    argument: options.argument ?? '',
    eventId: 'evt-stand-in',
    features: options.features ?? [],
    now: options.now ?? new Date('2025-06-02T03:00:00Z'),
    org: {
      id: 'org-a',
      thresholds: DEFAULT_LEVEL_THRESHOLDS,
      dialogTimeoutMinutes: 30,
      complaintCategories: [],
      digits: 'arabic',
      workingCalendar: async () => WEEKENDS_ONLY,
      // The year the fixtures of the stand-in tests are set in (2 June 2025 is in fiscal year 2568).
      activeFiscalYear: async () => 2568,
    },
    sender: options.sender ?? sender(),
    dialog: options.dialog ?? null,
    stores: standInStores(options.stores),
    line: {
      getDisplayName: async () => 'ผู้ใช้',
      getContent: async () => {
        throw new Error('LINE content is not part of this test');
      },
      linkRichMenu: async () => {},
      unlinkRichMenu: async () => {},
      memberCount: async () => 3,
    },
    sealer: standInSealer,
    log: createLogger('silent'),
    publicPageUrl: options.publicPageUrl,
    reportLink: options.reportLink,
    evidenceLink: options.evidenceLink,
    step,
    async run(outcome, perform) {
      const replies = [...outcome.replies];
      for (const effect of outcome.effects ?? []) if (perform) replies.push(...((await perform(effect as never)) ?? []));
      if (outcome.state === null) await ctx.endDialog();
      else if (outcome.state) step.dialog = ctx.dialog = outcome.state;
      return replies;
    },
    async endDialog() {
      step.dialog = ctx.dialog = null;
      step.ended = true;
    },
  };
  return ctx;
}

/**
 * The complaint reads of one organisation, in memory, answering as db/complaint-store.ts does: a person's
 * own cases by their user key (newest first), a case's entries in order, public ones only when asked.
 */
export function complaintsInMemory(cases: Complaint[], entries: Record<string, TimelineEntry[]> = {}): Pick<ChatStores['complaints'], 'findOwnComplaint' | 'listOwnComplaints' | 'getComplaint' | 'timeline'> {
  return {
    findOwnComplaint: async (trackingNo, reporterKey) => cases.find((c) => c.trackingNo === trackingNo && c.reporterKey === reporterKey) ?? null,
    listOwnComplaints: async (reporterKey, limit = 10) =>
      cases
        .filter((c) => c.reporterKey === reporterKey)
        .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
        .slice(0, limit),
    getComplaint: async (id) => cases.find((c) => c.id === id) ?? null,
    timeline: async (c, onlyPublic) => (entries[c.id] ?? []).filter((e) => e.public || !onlyPublic),
  };
}
