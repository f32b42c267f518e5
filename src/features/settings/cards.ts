import type { messagingApi } from '@line/bot-sdk';
import type { Figures } from '../../domain/figures.js';
import type { OrganisationProfile, OrganisationSettings, OrgSettings } from '../../domain/organisation.js';
import { budgetText, categoriesText, daysText, dayText, digestText, DIGIT_CHOICES, factorsText, LINE_QUOTA_TH, SETTING_TH, thresholdsText, type MessageBudgetSetting } from '../../domain/settings.js';
import { truncate } from '../../domain/thai.js';
import { quickPostback, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { SETTINGS_ACTIONS, type Ask } from './actions.js';
import { SETTINGS_TEXT as SAY } from './words.js';

/**
 * The settings card: every setting of the organisation with its value now, whether it is the organisation's
 * own or the system's, and the button that changes it; three bubbles (the organisation, how it works, the
 * jobs' times). The lists (days off, ปัจจัยสนับสนุน) are messages of their own with their buttons.
 */

export interface CardFacts {
  profile: OrganisationProfile;
  own: OrganisationSettings;
  /** What its events use now: its own settings, else the deployment's. */
  resolved: Pick<OrgSettings, 'thresholds' | 'complaintCategories'> & Partial<Pick<OrgSettings, 'roundReminderDaysBefore' | 'oitReminderDaysBefore' | 'notices'>>;
  factors: string[];
  /** Its own monthly message budget (null: LINE's quota), and LINE's quota as last read. */
  messageBudget?: MessageBudgetSetting;
  daysOff: { date: string; name: string }[];
  jobs: { name: string; th: string }[];
  f: Figures;
}

/** A day off as listed: the date in the organisation's digits, its name as typed. */
const dayOffText = (d: { date: string; name: string }, f: Figures) => `${f.digits(dayText(d.date))} ${d.name}`;

type Origin = 'own' | 'system' | null;
const ORIGIN_TH: Record<'own' | 'system', string> = { own: 'ค่าขององค์กร', system: 'ค่าของระบบ' };
const GREY = '#6B7785';
const ACCENT = '#1F6FEB';

function row(label: string, value: string, origin: Origin, button: { label: string; data: string }): messagingApi.FlexComponent {
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'xs',
    contents: [
      { type: 'text', text: label, size: 'sm', weight: 'bold', color: '#111111', wrap: true },
      { type: 'text', text: truncate(value || '-', 300), size: 'sm', color: '#333333', wrap: true },
      ...(origin ? [{ type: 'text' as const, text: ORIGIN_TH[origin], size: 'xs' as const, color: GREY }] : []),
      { type: 'button', style: 'link', height: 'sm', action: { type: 'postback', label: button.label, data: button.data, displayText: button.label } },
    ],
  };
}

const ask = (label: string, k: Ask, j?: string) => ({ label, data: postbackData(SETTINGS_ACTIONS.settingsAsk, j ? { k, j } : { k }) });
const list = (label: string, k: 'daysOff' | 'factors') => ({ label, data: postbackData(SETTINGS_ACTIONS.settingsList, { k }) });

function bubble(title: string, rows: messagingApi.FlexComponent[]): messagingApi.FlexBubble {
  const body: messagingApi.FlexComponent[] = [];
  rows.forEach((r, i) => {
    if (i > 0) body.push({ type: 'separator', margin: 'md' });
    body.push(r);
  });
  return {
    type: 'bubble',
    header: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: title, weight: 'bold', size: 'md', color: ACCENT, wrap: true }] },
    body: { type: 'box', layout: 'vertical', spacing: 'md', contents: body },
  };
}

const budgetShown = (b: CardFacts['messageBudget']) =>
  b && b.own !== null ? budgetText(b.own) : b && b.lineQuota !== null ? `${LINE_QUOTA_TH} (${budgetText(b.lineQuota)})` : `${LINE_QUOTA_TH} (ยังไม่จำกัด)`;

const originOf = (own: unknown): Origin => (own === null || own === undefined ? 'system' : 'own');

export function settingsCard(c: CardFacts): Message {
  const { profile, own, resolved, f } = c;
  const days = (list: number[] | undefined) => (list ? f.digits(daysText(list)) : SAY.systemValue);
  const organisation = bubble('ข้อมูลองค์กร', [
    row(SETTING_TH.name, profile.name, null, ask('เปลี่ยนชื่อองค์กร', 'name')),
    row(SETTING_TH.district, profile.district, null, ask('เปลี่ยนอำเภอ', 'district')),
    row(SETTING_TH.province, profile.province, null, ask('เปลี่ยนจังหวัด', 'province')),
    row(SETTING_TH.itaScore, profile.itaScore === null ? 'ยังไม่ได้กรอก' : f.digits(profile.itaScore), null, ask('เปลี่ยนคะแนน ITA', 'itaScore')),
    row(SETTING_TH.itaLevel, profile.itaLevel ?? 'ยังไม่ได้กรอก', null, ask('เปลี่ยนระดับ ITA', 'itaLevel')),
    row(`${SETTING_TH.supportingFactors} ปีงบประมาณ ${f.fiscalYear(profile.fiscalYear)}`, c.factors.length ? factorsText(c.factors) : 'ยังไม่มี', null, list('จัดการปัจจัยสนับสนุน', 'factors')),
  ]);
  const working = bubble('การทำงาน', [
    row(SETTING_TH.thresholds, f.digits(thresholdsText(resolved.thresholds)), originOf(own.thresholds), ask('เปลี่ยนเกณฑ์ระดับ', 'thresholds')),
    row(SETTING_TH.roundReminderDays, days(resolved.roundReminderDaysBefore), originOf(own.roundReminderDaysBefore), ask('เปลี่ยนวันเตือนรอบ', 'roundReminderDays')),
    row(SETTING_TH.oitReminderDays, days(resolved.oitReminderDaysBefore), originOf(own.oitReminderDaysBefore), ask('เปลี่ยนวันเตือน OIT', 'oitReminderDays')),
    row(SETTING_TH.complaintCategories, categoriesText(resolved.complaintCategories), originOf(own.complaintCategories), ask('เปลี่ยนประเภทเรื่อง', 'complaintCategories')),
    row(SETTING_TH.digits, own.digits ? DIGIT_CHOICES[own.digits] : 'เลขอารบิกในแชต เอกสารรายงานตามแบบฟอร์ม', originOf(own.digits), ask('เปลี่ยนรูปแบบตัวเลข', 'digits')),
    row(SETTING_TH.messageBudget, f.digits(budgetShown(c.messageBudget)), c.messageBudget ? originOf(c.messageBudget.own) : null, ask('เปลี่ยนงบข้อความ', 'messageBudget')),
    row(SETTING_TH.digestTime, f.digits(digestText(own.digestTime ?? resolved.notices?.digestTime ?? 'off')), originOf(own.digestTime), ask('เปลี่ยนเวลาแจ้งเตือน', 'digestTime')),
    row(SETTING_TH.daysOff, c.daysOff.length ? c.daysOff.slice(0, 5).map((d) => dayOffText(d, f)).join('\n') : 'ยังไม่มี (วันหยุดราชการนับให้แล้ว)', null, list('จัดการวันหยุด', 'daysOff')),
  ]);
  const jobs = bubble(
    'เวลาของงานตามกำหนดเวลา',
    c.jobs.map((job) => {
      const at = own.jobTimes?.[job.name];
      return row(job.th, at ? f.digits(`${at} น.`) : SAY.systemTime, originOf(at), ask('เปลี่ยนเวลา', 'jobTime', job.name));
    }),
  );
  const alt = `ตั้งค่าองค์กร: ${truncate(profile.name, 100)} · เกณฑ์ระดับ ${thresholdsText(resolved.thresholds)}`;
  return { type: 'flex', altText: truncate(alt, 400), contents: { type: 'carousel', contents: [organisation, working, jobs] } };
}

const MAX_DAY_BUTTONS = 11;

/** The organisation's upcoming days off, with "เพิ่มวันหยุด" and one "ลบ …" button for each listed. */
export function daysOffMessage(daysOff: { date: string; name: string; short: string }[], f: Figures): Message {
  const body = daysOff.length ? [SAY.daysOffTitle, ...daysOff.map((d) => `• ${dayOffText(d, f)}`), '', SAY.daysOffHint].join('\n') : SAY.noDaysOff;
  return text(truncate(body, 4_000), [
    quickPostback('เพิ่มวันหยุด', postbackData(SETTINGS_ACTIONS.settingsAsk, { k: 'dayOffAdd' })),
    ...daysOff.slice(0, MAX_DAY_BUTTONS).map((d) => quickPostback(truncate(`ลบ ${f.digits(d.short)}`, 20), postbackData(SETTINGS_ACTIONS.settingsDropDay, { d: d.date }))),
  ]);
}

/** The active year's ปัจจัยสนับสนุน, numbered, with add, remove and replace. */
export function factorsMessage(fiscalYear: number, factors: string[], f: Figures): Message {
  return text(truncate(`${SAY.factorsTitle(f.fiscalYear(fiscalYear))}\n\n${factorsText(factors)}\n\n${SAY.factorsHint}`, 4_000), [
    quickPostback('เพิ่มข้อ', postbackData(SETTINGS_ACTIONS.settingsAsk, { k: 'factorAdd' })),
    ...(factors.length ? [quickPostback('ลบข้อ', postbackData(SETTINGS_ACTIONS.settingsAsk, { k: 'factorRemove' }))] : []),
    quickPostback('แทนที่ทั้งหมด', postbackData(SETTINGS_ACTIONS.settingsAsk, { k: 'factorReplace' })),
  ]);
}
