import type { webhook } from '@line/bot-sdk';
import { storeAttachment } from '../db/attachment-store.js';
import { clearDialog, loadDialog, saveDialog } from '../db/conversation-store.js';
import { redeemInvite } from '../db/invite-store.js';
import { measureForOfficer, measuresForOfficer } from '../db/measure-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { saveProgressReport } from '../db/progress-store.js';
import { findStaff } from '../db/staff-store.js';
import { loadSummary } from '../db/summary-store.js';
import type { Threshold } from '../domain/summary.js';
import { complaintStats } from '../db/complaint-store.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { complaintLine, OVERDUE_ACTION, overdueListText, summaryMessage } from '../flex/summary-message.js';
import { parseCommand } from '../dialogs/commands.js';
import { matchIntent } from '../dialogs/intents.js';
import { ACTIONS, continueReport, isReportState, measureCarousel, pickMeasure, repeatPrompt, type Facts, type ReportEffect } from '../dialogs/officer-report.js';
import { helpQuickReplies, helpText, TEXT } from '../dialogs/texts.js';
import { postbackData, quickPostback, quickText, text, type DialogInput, type Message, type Outcome } from '../dialogs/types.js';
import { hasRole, isExecutiveOrAdmin } from '../domain/roles.js';
import type { LineClient } from '../line/client.js';
import type { Sealer } from '../security/crypto.js';
import { respondAboutComplaints, repeatComplaintStep } from './complaint-respond.js';
import { toDialogInput } from './to-input.js';
import { isReportKind, REPORT_KINDS, REPORT_SHORT_TH, REPORT_TH, type ReportKind } from '../reports/catalogue.js';

export interface RespondDeps {
  orgId: string;
  thresholds: Threshold[];
  sealer: Sealer;
  dialogTimeoutMinutes: number;
  line: Pick<LineClient, 'getDisplayName' | 'getContent'>;
  /** Sends outbox messages (e.g. a new case to its handlers) at once rather than at the next tick. */
  kickOutbox?: () => void;
  /** A signed, expiring download link for a report (LINE cannot carry files). */
  reportLink?: (kind: ReportKind, now: Date) => { url: string; minutes: number };
  now: Date;
}

type Staff = NonNullable<Awaited<ReturnType<typeof findStaff>>>;

/**
 * Decides what the bot does with one event and carries out its storage effects; returns the replies.
 * Only one-to-one chats get answers: in groups the bot stays quiet rather than talk over people.
 */
export async function respond(event: webhook.Event, eventId: string, deps: RespondDeps): Promise<Message[]> {
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (!userId) return [];
  if (event.type === 'follow') {
    const staff = await findStaff(deps.orgId, userId);
    return [text(TEXT.welcome), text(helpText(staff?.roles ?? []), helpQuickReplies(staff?.roles ?? []))];
  }
  if (event.type === 'unfollow') {
    await clearDialog(deps.orgId, deps.sealer.userKey(userId));
    return [];
  }
  const input = toDialogInput(event);
  if (!input) return [];
  return respondToInput(userId, input, eventId, deps);
}

/** The answers to "throw away the dialog under way?" */
const SWITCH_ACTION = 'sw';
const KEEP_ACTION = 'sw.keep';

async function respondToInput(userId: string, input: DialogInput, eventId: string, deps: RespondDeps): Promise<Message[]> {
  const { orgId, now } = deps;
  const staff = await findStaff(orgId, userId);
  const stored = await loadDialog(orgId, deps.sealer.userKey(userId), now);
  const before: Message[] = [];
  let state = stored?.state ?? null;
  if (stored?.expired) {
    await clearDialog(orgId, deps.sealer.userKey(userId));
    before.push(text(TEXT.expired(deps.dialogTimeoutMinutes)));
    state = null;
  }

  // Exact commands work anywhere; a sentence is read for its meaning only when no dialog waits for an answer.
  let command = input.kind === 'text' ? (parseCommand(input.text) ?? (state ? null : matchIntent(input.text))) : null;
  const isCancel = command?.kind === 'cancel' || (input.kind === 'postback' && input.action === ACTIONS.cancel);

  const officer = staff && hasRole(staff.roles, 'officer') ? staff : null;
  // Starting another dialog would throw away the one under way: ask first (a report only of an officer).
  if (state && (command?.kind === 'complaint' || (command?.kind === 'report' && officer))) {
    return [...before, text(TEXT.switchAsk, [quickPostback('ทิ้งแล้วเริ่มใหม่', postbackData(SWITCH_ACTION, { to: command.kind })), quickPostback('ทำรายการเดิมต่อ', postbackData(KEEP_ACTION, {}))])];
  }
  if (input.kind === 'postback' && input.action === SWITCH_ACTION && (input.params.to === 'complaint' || input.params.to === 'report')) {
    if (state) await clearDialog(orgId, deps.sealer.userKey(userId));
    state = null;
    command = { kind: input.params.to };
  }

  if (command?.kind === 'register') return [...before, ...(await register(userId, command.code, deps))];
  if (isCancel) {
    if (state) await clearDialog(orgId, deps.sealer.userKey(userId));
    return [...before, text(state ? TEXT.cancelled : TEXT.nothingToCancel)];
  }

  // A command answered in the middle of a dialog is followed by the dialog's question again, with its buttons.
  const resume = async (): Promise<Message[]> =>
    officer && isReportState(state) ? repeatPrompt(state, await factsWithMeasure(officer, state.data.measureId, eventId, deps)) : repeatComplaintStep(state);

  if (command?.kind === 'exportReport' || (input.kind === 'postback' && input.action === EXPORT_ACTION)) {
    return [...before, ...exportReply(staff, input.kind === 'postback' ? input.params.k : undefined, deps), ...(await resume())].slice(0, 5);
  }

  const wantsSummary = command?.kind === 'summary' || (input.kind === 'postback' && input.action === OVERDUE_ACTION);
  if (wantsSummary) return [...before, ...(await summaryReply(staff, command?.kind === 'summary', deps)), ...(await resume())].slice(0, 5);

  if (command?.kind === 'help') {
    return [...before, text(helpText(staff?.roles ?? []), helpQuickReplies(staff?.roles ?? [])), ...(await resume())].slice(0, 5);
  }
  if (input.kind === 'postback' && input.action === KEEP_ACTION) {
    const current = await resume();
    return [...before, ...(current.length > 0 ? current : [text(TEXT.nothingToCancel)])];
  }

  const aboutComplaints = await respondAboutComplaints(input, command, state, {
    orgId,
    userId,
    eventId,
    now,
    sealer: deps.sealer,
    line: deps.line,
    staff,
    dialogTimeoutMinutes: deps.dialogTimeoutMinutes,
    kickOutbox: deps.kickOutbox,
  });
  if (aboutComplaints) return [...before, ...aboutComplaints].slice(0, 5);

  const wantsReport =
    command?.kind === 'report' ||
    (input.kind === 'postback' && (input.action === ACTIONS.pick || input.action === ACTIONS.page));
  if (!officer && (wantsReport || isReportState(state))) {
    // Someone who is not (or no longer) an officer: a report dialog left from an earlier role is dropped,
    // any other dialog goes on.
    if (isReportState(state)) {
      await clearDialog(orgId, deps.sealer.userKey(userId));
      return [...before, text(TEXT.staffOnly)];
    }
    return [...before, text(TEXT.staffOnly), ...(await resume())].slice(0, 5);
  }
  if (officer) {
    if (command?.kind === 'report') {
      if (state) await clearDialog(orgId, deps.sealer.userKey(userId));
      const facts = await factsWithAllMeasures(officer, eventId, deps);
      return [...before, ...measureCarousel(facts.measures, 1, officer.unit)];
    }
    if (input.kind === 'postback' && input.action === ACTIONS.page) {
      const facts = await factsWithAllMeasures(officer, eventId, deps);
      return [...before, ...measureCarousel(facts.measures, Number(input.params.p) || 1, officer.unit)];
    }
    if (input.kind === 'postback' && input.action === ACTIONS.pick) {
      const measureId = input.params.m ?? '';
      const facts = await factsWithMeasure(officer, measureId, eventId, deps);
      return [...before, ...(await apply(pickMeasure(measureId, facts), userId, eventId, officer, deps))];
    }
    if (isReportState(state)) {
      const facts = await factsWithMeasure(officer, state.data.measureId, eventId, deps);
      return [...before, ...(await apply(continueReport(state, input, facts), userId, eventId, officer, deps))];
    }
    if (input.kind === 'postback' && input.action === ACTIONS.confirm) return [...before, text(TEXT.nothingToConfirm)];
  }

  return [...before, ...unknownInput(input, staff?.roles ?? [])];
}

/** The executive summary, or its overdue list; only executives and admins see the organisation's figures. */
async function summaryReply(staff: Staff | null, overview: boolean, deps: RespondDeps): Promise<Message[]> {
  if (!staff || !isExecutiveOrAdmin(staff.roles)) return [text(TEXT.executivesOnly)];
  const summary = await loadSummary(deps.orgId, deps.now, deps.thresholds);
  return overview ? [summaryMessage(summary, { heading: 'สรุปผลการดำเนินงานล่าสุด', complaints: complaintLine(await complaintStats(deps.orgId, fiscalYearOf(deps.now), deps.now)) })] : [text(overdueListText(summary))];
}

const EXPORT_ACTION = 'rx';

/** The official reports as links: first the list to choose from, then the link for the chosen one. */
function exportReply(staff: Staff | null, kind: string | undefined, deps: RespondDeps): Message[] {
  if (!staff || !isExecutiveOrAdmin(staff.roles) || !deps.reportLink) return [text(TEXT.executivesOnly)];
  if (!isReportKind(kind)) {
    return [text('เลือกรายงานที่ต้องการดาวน์โหลด', [...REPORT_KINDS.map((k) => quickPostback(REPORT_SHORT_TH[k], postbackData(EXPORT_ACTION, { k }), REPORT_TH[k])), quickText('ยกเลิก')])];
  }
  const link = deps.reportLink(kind, deps.now);
  return [text(`${REPORT_TH[kind]}
ดาวน์โหลด: ${link.url}
ลิงก์นี้ใช้ได้ ${link.minutes} นาที และเปิดได้เฉพาะผู้ที่ได้รับลิงก์ โปรดอย่าส่งต่อ`)];
}

/** What the report dialog needs to know for the carousel: all the officer's measures. */
async function factsWithAllMeasures(staff: Staff, eventId: string, deps: RespondDeps): Promise<Facts> {
  const fiscalYear = await activeFiscalYear(deps.orgId);
  return { now: deps.now, staff, eventId, measures: await measuresForOfficer(deps.orgId, fiscalYear, staff) };
}

/** For one step of a report: only the measure it is about (found by `_id`, the cheap lookup), if still theirs. */
async function factsWithMeasure(staff: Staff, measureId: string, eventId: string, deps: RespondDeps): Promise<Facts> {
  const fiscalYear = await activeFiscalYear(deps.orgId);
  const measure = await measureForOfficer(deps.orgId, fiscalYear, staff, measureId);
  return { now: deps.now, staff, eventId, measures: measure ? [measure] : [] };
}

/** Carries out a dialog outcome: effects first, then the new state, so a saved report is never lost to a crash. */
async function apply(outcome: Outcome<ReportEffect>, userId: string, eventId: string, staff: Staff, deps: RespondDeps): Promise<Message[]> {
  for (const effect of outcome.effects ?? []) {
    if (effect.type === 'saveReport') await saveProgressReport(deps.orgId, effect, staff, deps.now, eventId);
    else await storeAttachment(deps.orgId, effect.attachment, deps.sealer.userKey(userId), deps.line, deps.now);
  }
  if (outcome.state === null) await clearDialog(deps.orgId, deps.sealer.userKey(userId));
  else if (outcome.state) await saveDialog(deps.orgId, deps.sealer.userKey(userId), outcome.state, deps.now, deps.dialogTimeoutMinutes);
  return outcome.replies;
}

async function register(userId: string, code: string | null, deps: RespondDeps): Promise<Message[]> {
  if (!code) return [text(TEXT.registerUsage)];
  const displayName = (await deps.line.getDisplayName(userId)) ?? '';
  const outcome = await redeemInvite(deps.orgId, code, userId, displayName, deps.now);
  switch (outcome.result) {
    case 'linked':
      return [text(TEXT.registerDone(outcome.roles, outcome.unit))];
    case 'unknown':
      return [text(TEXT.registerUnknownCode)];
    case 'used':
      return [text(TEXT.registerUsedCode)];
    case 'expired':
      return [text(TEXT.registerExpiredCode)];
  }
}

function unknownInput(input: DialogInput, roles: Parameters<typeof helpText>[0]): Message[] {
  const opener = input.kind === 'text' || input.kind === 'postback' ? TEXT.unknown : TEXT.unknownNonText;
  return [text(`${opener}\n\n${helpText(roles)}`, helpQuickReplies(roles))];
}
