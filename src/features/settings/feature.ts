import type { AuditActor } from '../../domain/admin-audit.js';
import { dayKey, isWeekday } from '../../domain/calendar.js';
import { dayOfKey } from '../../domain/working-days.js';
import { figures } from '../../domain/figures.js';
import type { OrganisationSettings } from '../../domain/organisation.js';
import { hasRole } from '../../domain/roles.js';
import { budgetText, categoriesText, daysText, digestText, DIGIT_CHOICES, LINE_QUOTA_TH, thresholdsText, type MessageBudgetSetting } from '../../domain/settings.js';
import { nameOf } from '../../domain/staff.js';
import { THAI_MONTHS_SHORT } from '../../domain/thai.js';
import { JOB_NAMES, JOBS, type JobName } from '../../jobs/registry.js';
import { text, type Message } from '../../line/messages.js';
import type { ChatContext, Feature, Sender } from '../common/context.js';
import { SETTINGS_ACTIONS, type Ask } from './actions.js';
import { daysOffMessage, factorsMessage, settingsCard } from './cards.js';
import { askSetting, confirmDayRemoval, continueSettings, DIALOG, isSettingsState, repeatSettingsPrompt, type SaveSetting, type SettingsDraft } from './dialog.js';
import { SETTINGS_TEXT as SAY } from './words.js';

const isAdmin = (sender: Sender) => hasRole(sender.roles, 'admin');

const JOB_LIST = JOB_NAMES.map((name) => ({ name, th: JOBS[name].thai.name }));
const isJob = (name: string | undefined): name is JobName => (JOB_NAMES as readonly string[]).includes(name ?? '');

const today = (ctx: ChatContext) => dayKey(ctx.now);

async function loadView(ctx: ChatContext) {
  return ctx.stores.settings.settingsView();
}

/** "12 ส.ค. 70": a day's button label, short enough for LINE's 20 characters. */
const shortDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${THAI_MONTHS_SHORT[m - 1]} ${String(y + 543).slice(-2)}`;
};

async function upcomingDaysOff(ctx: ChatContext) {
  return (await ctx.stores.settings.ownDaysOff(today(ctx))).map((d) => ({ ...d, short: shortDay(d.date) }));
}

/** Why a day is off already for the organisation: a public or own holiday, or a weekend. */
async function alreadyOffOf(ctx: ChatContext): Promise<(date: string) => string | null> {
  const calendar = await ctx.org.workingCalendar();
  return (date) => {
    const day = dayOfKey(date);
    const holiday = calendar.dayOff(day);
    if (holiday) return holiday.name;
    return isWeekday(day) ? null : 'วันเสาร์หรือวันอาทิตย์';
  };
}

async function card(ctx: ChatContext): Promise<Message[]> {
  const [view, daysOff] = await Promise.all([loadView(ctx), upcomingDaysOff(ctx)]);
  return [settingsCard({ ...view, resolved: ctx.org, daysOff, jobs: JOB_LIST, f: figures(ctx.org.digits) })];
}

/** The budget when the organisation set none: LINE's quota as last read. */
const lineQuotaText = (quota: number | null) =>
  quota === null ? `${LINE_QUOTA_TH} (ยังไม่ได้อ่านโควตา หรือแพ็กเกจไม่จำกัดจำนวน จึงยังไม่จำกัดข้อความ)` : `${LINE_QUOTA_TH} (${budgetText(quota)})`;

/** What a setting is now, as its question and the confirmation's "เดิม" show it. */
function currentOf(ask: Ask, own: OrganisationSettings, ctx: ChatContext, profile: { name: string; district: string; province: string; itaScore: number | null; itaLevel: string | null }, job?: JobName, budget?: MessageBudgetSetting): string {
  const system = (shown: string) => `ค่าของระบบ (${shown})`;
  const org = ctx.org;
  const d = figures(org.digits).digits;
  switch (ask) {
    case 'name':
    case 'district':
    case 'province':
      return profile[ask] || '-';
    case 'itaScore':
      return profile.itaScore === null ? 'ยังไม่ได้กรอก' : d(profile.itaScore);
    case 'itaLevel':
      return profile.itaLevel ?? 'ยังไม่ได้กรอก';
    case 'thresholds':
      return d(own.thresholds ? thresholdsText(own.thresholds) : system(thresholdsText(org.thresholds)));
    case 'roundReminderDays':
      return d(own.roundReminderDaysBefore ? daysText(own.roundReminderDaysBefore) : system(org.roundReminderDaysBefore ? daysText(org.roundReminderDaysBefore) : '-'));
    case 'oitReminderDays':
      return d(own.oitReminderDaysBefore ? daysText(own.oitReminderDaysBefore) : system(org.oitReminderDaysBefore ? daysText(org.oitReminderDaysBefore) : '-'));
    case 'complaintCategories':
      return own.complaintCategories ? categoriesText(own.complaintCategories) : system(categoriesText(org.complaintCategories));
    case 'digits':
      return own.digits ? DIGIT_CHOICES[own.digits] : system('เลขอารบิกในแชต เอกสารรายงานตามแบบฟอร์ม');
    case 'messageBudget':
      return d(budget && budget.own !== null ? budgetText(budget.own) : lineQuotaText(budget?.lineQuota ?? null));
    case 'digestTime':
      return d(own.digestTime ? digestText(own.digestTime) : system(digestText(org.notices?.digestTime ?? 'off')));
    case 'jobTime': {
      const at = job ? own.jobTimes?.[job] : undefined;
      return at ? d(`${at} น.`) : SAY.systemTime;
    }
    default:
      return '';
  }
}

async function startAsk(ctx: ChatContext, ask: Ask, job: string | undefined): Promise<Message[]> {
  if (ask === 'jobTime' && !isJob(job)) return [text(SAY.unknownJob)];
  const view = await loadView(ctx);
  if (ask === 'factorRemove' && view.factors.length === 0) return [factorsMessage(view.profile.fiscalYear, view.factors, figures(ctx.org.digits))];
  const draft: SettingsDraft = {
    draftId: ctx.eventId,
    ask,
    current: currentOf(ask, view.own, ctx, view.profile, isJob(job) ? job : undefined, view.messageBudget),
    ...(ask === 'jobTime' && isJob(job) ? { job, jobTh: JOBS[job].thai.name } : {}),
    ...(ask.startsWith('factor') ? { fiscalYear: view.profile.fiscalYear, factors: view.factors } : {}),
  };
  return ctx.run(askSetting(draft));
}

function actorOf(ctx: ChatContext): AuditActor {
  const staff = ctx.sender.staff!;
  // The staff record's id, as db/models/staff.ts makes it.
  return { via: 'line', staffId: `${ctx.org.id}:${staff.lineUserId}`, name: nameOf(staff) };
}

const EFFECTIVE: Partial<Record<SaveSetting['change']['key'], string>> = {
  jobTime: SAY.effectiveJobTime,
  dayOffAdd: SAY.effectiveDayOff,
  dayOffRemove: SAY.effectiveDayOff,
  supportingFactors: SAY.effectiveFactors,
  messageBudget: SAY.effectiveBudget,
  digestTime: SAY.effectiveDigest,
};

async function perform(ctx: ChatContext, effect: SaveSetting): Promise<Message[]> {
  const outcome = await ctx.stores.settings.changeSetting(effect.change, actorOf(ctx), ctx.now);
  if (!outcome.changed) return [text(SAY.unchanged)];
  const f = figures(ctx.org.digits);
  const after = effect.change.key === 'dayOffRemove' ? `${outcome.before} ${SAY.dayOffGone}` : effect.shown || '-';
  return [text(`${SAY.saved(f.digits(outcome.subject), after)}\n\n${EFFECTIVE[effect.change.key] ?? SAY.effectiveNow}`)];
}

async function handle(ctx: ChatContext): Promise<Message[]> {
  const { input } = ctx;
  if (input.kind === 'postback') {
    const f = figures(ctx.org.digits);
    if (input.action === SETTINGS_ACTIONS.settingsAsk.name) return startAsk(ctx, input.params.k as Ask, input.params.j);
    if (input.action === SETTINGS_ACTIONS.settingsList.name) {
      if (input.params.k === 'daysOff') return [daysOffMessage(await upcomingDaysOff(ctx), f)];
      const view = await loadView(ctx);
      return [factorsMessage(view.profile.fiscalYear, view.factors, f)];
    }
    if (input.action === SETTINGS_ACTIONS.settingsDropDay.name) {
      const day = (await upcomingDaysOff(ctx)).find((d) => d.date === input.params.d);
      if (!day) return [text(SAY.dayOffNotFound)];
      return ctx.run(confirmDayRemoval(ctx.eventId, day, f));
    }
  }
  return card(ctx);
}

/**
 * `ตั้งค่า`: the organisation's settings, each with its value and the button that changes it; a change is
 * asked, checked, shown before → after, saved on "บันทึก" through the one settings path (db/settings-store.ts,
 * which the CLI uses too) and written to the management log. For admins only.
 */
export const settings: Feature = {
  name: 'settings',
  words: ['ตั้งค่า', 'ตั้งค่าองค์กร', 'การตั้งค่า', 'settings'],
  cues: {
    weights: { ตั้งค่า: 2, การตั้งค่า: 2, settings: 2, setting: 2, เกณฑ์ระดับ: 2, วันหยุดขององค์กร: 2, ปัจจัยสนับสนุน: 2, ค่า: 0.5, องค์กร: 0.5, เปลี่ยน: 0.5, แก้: 0.5 },
    needs: ['ตั้งค่า', 'การตั้งค่า', 'settings', 'setting', 'เกณฑ์ระดับ', 'วันหยุดขององค์กร', 'ปัจจัยสนับสนุน'],
  },
  actions: SETTINGS_ACTIONS,
  menu: [{ for: ['admin'], order: 92, help: '"ตั้งค่า" ดูและเปลี่ยนการตั้งค่าขององค์กร: ชื่อ เกณฑ์ระดับ วันเตือน เวลาของงาน เวลาส่งการแจ้งเตือนรวม วันหยุด ปัจจัยสนับสนุน ผล ITA และประเภทเรื่องร้องเรียน' }],
  allowed: isAdmin,
  refusal: SAY.adminOnly,
  handle,
  dialog: {
    name: DIALOG,
    // Its answers are typed or pressed: a file sent meanwhile goes to the file import.
    takesMedia: () => false,
    async continue(ctx) {
      if (!isSettingsState(ctx.dialog)) return [];
      if (!isAdmin(ctx.sender)) {
        await ctx.endDialog();
        return [text(SAY.adminOnly)];
      }
      const alreadyOff = ctx.dialog.data.ask === 'dayOffAdd' ? await alreadyOffOf(ctx) : undefined;
      return ctx.run(continueSettings(ctx.dialog, ctx.input, { today: today(ctx), f: figures(ctx.org.digits), alreadyOff }), (effect) => perform(ctx, effect));
    },
    resume: async (ctx) => (isSettingsState(ctx.dialog) ? repeatSettingsPrompt(ctx.dialog) : []),
  },
};

