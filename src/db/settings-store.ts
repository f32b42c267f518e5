import type { AuditActor } from '../domain/admin-audit.js';
import type { OrganisationProfile, OrganisationSettings } from '../domain/organisation.js';
import {
  applyFactorEdit,
  budgetText,
  categoriesText,
  daysText,
  digestText,
  digitsText,
  factorsText,
  ownOr,
  subjectOf,
  thresholdsText,
  type MessageBudgetSetting,
  type SettingChange,
} from '../domain/settings.js';
import type { DayKey } from '../domain/working-days.js';
import { recordAudit } from './admin-audit-store.js';
import { lineQuotaOf, ownMessageBudgetOf, setOwnMessageBudget } from './message-use-store.js';
import { releaseBudgetWaiting } from './outbox-store.js';
import { deleteHolidayChange, holidayChangeOf, holidayChangesFor, saveHolidayChange } from './holiday-store.js';
import { ensureOrganisation, findOrganisation, ownSettingsOf, setJobTimes, setOrganisationSettings, setSupportingFactors, supportingFactorsOf, updateOrganisation } from './organisation-store.js';

/**
 * The one way an organisation's settings change, from LINE (`ตั้งค่า`) or the terminal (`org update`,
 * `holiday … --org`): the value before is read, the change saved, and one line written to the management
 * log with both as readable Thai. A change to the value it already has saves and logs nothing.
 */

/** What a change did: the log's subject and its before → after, and whether anything changed. */
export interface SettingOutcome {
  subject: string;
  before: string;
  after: string;
  changed: boolean;
}

type Listener = (orgId: string) => Promise<void> | void;
const listeners = new Set<Listener>();

/**
 * Tells `listener` when this process changes an organisation's settings, so that the tenant directory reads
 * them again before the change is answered (other processes within their next refresh, 30 s). Returns the
 * way to stop listening.
 */
export function onSettingsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const ownOf = ownSettingsOf;

const profileText = (v: string | number | null) => (v === null || v === '' ? '-' : String(v));

export async function changeSetting(orgId: string, change: SettingChange, actor: AuditActor, now = new Date()): Promise<SettingOutcome> {
  await ensureOrganisation(orgId, now);
  const subject = subjectOf(change);
  const { before, after, save } = await planOf(orgId, change);
  if (before === after) return { subject, before, after, changed: false };
  await save();
  // A raised budget lets out at once what it held back; anything still over it waits again.
  if (change.key === 'messageBudget') await releaseBudgetWaiting(orgId, now);
  await recordAudit(orgId, { action: 'settings.change', actor, subject, before, after }, now);
  // Awaited, so that this process's next event already uses the new value.
  await Promise.all([...listeners].map((listener) => listener(orgId)));
  return { subject, before, after, changed: true };
}

interface Plan {
  before: string;
  after: string;
  save: () => Promise<unknown>;
}

async function planOf(orgId: string, change: SettingChange): Promise<Plan> {
  switch (change.key) {
    case 'name':
    case 'district':
    case 'province':
    case 'itaScore':
    case 'itaLevel':
    case 'fiscalYear': {
      const profile = (await findOrganisation(orgId))!;
      return { before: profileText(profile[change.key]), after: profileText(change.value), save: () => updateOrganisation(orgId, { [change.key]: change.value }) };
    }
    case 'thresholds': {
      const own = await ownOf(orgId);
      return { before: ownOr(own.thresholds, thresholdsText), after: ownOr(change.value, thresholdsText), save: () => setOrganisationSettings(orgId, { thresholds: change.value }) };
    }
    case 'roundReminderDays':
    case 'oitReminderDays': {
      const field = change.key === 'roundReminderDays' ? 'roundReminderDaysBefore' : 'oitReminderDaysBefore';
      const own = await ownOf(orgId);
      return { before: ownOr(own[field], daysText), after: ownOr(change.value, daysText), save: () => setOrganisationSettings(orgId, { [field]: change.value }) };
    }
    case 'digits': {
      const own = await ownOf(orgId);
      return { before: ownOr(own.digits, digitsText), after: ownOr(change.value, digitsText), save: () => setOrganisationSettings(orgId, { digits: change.value }) };
    }
    case 'digestTime': {
      const own = await ownOf(orgId);
      return { before: ownOr(own.digestTime, digestText), after: ownOr(change.value, digestText), save: () => setOrganisationSettings(orgId, { digestTime: change.value }) };
    }
    case 'complaintCategories': {
      const own = await ownOf(orgId);
      return {
        before: ownOr(own.complaintCategories, categoriesText),
        after: ownOr(change.value, categoriesText),
        save: () => setOrganisationSettings(orgId, { complaintCategories: change.value }),
      };
    }
    case 'jobTime': {
      const own = await ownOf(orgId);
      const timeText = (t: string) => `${t} น.`;
      return { before: ownOr(own.jobTimes?.[change.job], timeText), after: ownOr(change.value, timeText), save: () => setJobTimes(orgId, { [change.job]: change.value }) };
    }
    case 'supportingFactors': {
      const current = await supportingFactorsOf(orgId, change.fiscalYear);
      const next = applyFactorEdit(current, change.edit);
      return { before: current.length ? factorsText(current) : '', after: next.length ? factorsText(next) : '', save: () => setSupportingFactors(orgId, change.fiscalYear, next) };
    }
    case 'messageBudget': {
      const own = await ownMessageBudgetOf(orgId);
      return { before: budgetText(own), after: budgetText(change.value), save: () => setOwnMessageBudget(orgId, change.value) };
    }
    case 'dayOffAdd': {
      const own = await holidayChangeOf(change.date, orgId);
      return {
        before: own?.off ? own.name : '',
        after: change.name,
        save: () => saveHolidayChange({ date: change.date, name: change.name, orgId, off: true }),
      };
    }
    case 'dayOffRemove': {
      const own = await holidayChangeOf(change.date, orgId);
      return { before: own?.off ? own.name : '', after: '', save: () => deleteHolidayChange(change.date, orgId) };
    }
  }
}

/** Everything the settings card shows of the organisation itself; `fiscalYear`'s ปัจจัยสนับสนุน with it. */
export interface SettingsView {
  profile: OrganisationProfile;
  own: OrganisationSettings;
  factors: string[];
  /** Its own monthly message budget (null: LINE's quota), and the quota LINE last reported (null: none, or not read). */
  messageBudget: MessageBudgetSetting;
}

export async function settingsView(orgId: string): Promise<SettingsView> {
  await ensureOrganisation(orgId);
  const profile = (await findOrganisation(orgId))!;
  const [own, factors, budget, reading] = await Promise.all([ownOf(orgId), supportingFactorsOf(orgId, profile.fiscalYear), ownMessageBudgetOf(orgId), lineQuotaOf(orgId)]);
  return { profile, own, factors, messageBudget: { own: budget, lineQuota: reading?.quota ?? null } };
}

/** The organisation's own days off from `from` on, by date (not the public holidays, nor those of every organisation). */
export async function ownDaysOff(orgId: string, from: DayKey): Promise<{ date: DayKey; name: string }[]> {
  const changes = await holidayChangesFor(orgId);
  return changes.filter((c) => c.orgId === orgId && c.off && c.date >= from).map((c) => ({ date: c.date, name: c.name }));
}

