import type { DialogState } from '../../domain/dialog-state.js';
import {
  applyFactorEdit,
  categoriesText,
  DEFAULT_LABEL,
  DIGEST_OFF_LABEL,
  DIGIT_CHOICES,
  dayText,
  daysText,
  digestText,
  digitsText,
  factorsText,
  isDefaultWord,
  ITA_LEVELS,
  LINE_QUOTA_TH,
  budgetText,
  parseMessageBudget,
  parseDayOff,
  parseDigitChoice,
  parseFactorLine,
  parseFactorLines,
  parseFactorNumber,
  parseItaLevel,
  parseItaScore,
  parseOrganisationName,
  parsePlace,
  parseReminderDays,
  parseTypedCategories,
  parseTypedDigestTime,
  parseTypedThresholds,
  parseTypedTime,
  subjectOf,
  thresholdsText,
  type Parsed,
  type SettingChange,
} from '../../domain/settings.js';
import type { DayKey } from '../../domain/working-days.js';
import { figures, type Figures } from '../../domain/figures.js';
import { quickPostback, quickText, text, type Message, type QuickReply } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { NEED_TEXT } from '../../dialogs/free-text.js';
import { isConfirmWord } from '../../dialogs/words.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { SETTINGS_ACTIONS, type Ask } from './actions.js';
import { SETTINGS_TEXT as SAY } from './words.js';

/**
 * An admin changing one setting, as a pure state machine: the question (buttons where the choices are few,
 * typed where not) → the value read and checked, or a Thai answer saying what is expected and the same
 * question kept → before → after with "บันทึก" / "ยกเลิก" → saved once, on the confirm of this draft only.
 */
export const DIALOG = 'settings';

export interface SettingsDraft {
  /** Ties the "บันทึก" button to this draft: an older one changes nothing. */
  draftId: string;
  ask: Ask;
  /** The job and its Thai name, for a job's time. */
  job?: string;
  jobTh?: string;
  /** The active fiscal year and its ปัจจัยสนับสนุน when asked. */
  fiscalYear?: number;
  factors?: string[];
  /** The value now, as the card shows it. */
  current: string;
  /** Once read: the change, and what the confirmation shows. */
  change?: SettingChange;
  after?: string;
  /** A remark under the before → after (a day that is off already). */
  note?: string;
}

/** `shown`: the new value as the confirmation showed it, for the answer once saved. */
export type SaveSetting = { type: 'saveSetting'; change: SettingChange; shown: string };

export interface Facts {
  /** Today in Bangkok: days off are today or later, a date typed without a year is its next one. */
  today: DayKey;
  /** The organisation's digits for the figures the bot writes (Arabic when not given); what was typed stays as typed. */
  f?: Figures;
  /** Why a day is off already, if it is (a public holiday, a weekend): said beside the confirmation, not refused. */
  alreadyOff?: (date: DayKey) => string | null;
}

type SettingsState = DialogState<SettingsDraft> & { step: 'value' | 'confirm' };
type SettingsOutcome = Outcome<SaveSetting>;

/** The settings that may go back to the deployment's value. */
const WITH_DEFAULT: readonly Ask[] = ['thresholds', 'roundReminderDays', 'oitReminderDays', 'jobTime', 'complaintCategories', 'digits', 'messageBudget', 'digestTime'];

const cancel = () => quickText('ยกเลิก');

function buttonsFor(draft: SettingsDraft): QuickReply[] {
  const back = WITH_DEFAULT.includes(draft.ask) ? [quickText(DEFAULT_LABEL)] : [];
  switch (draft.ask) {
    case 'digits':
      return [quickText(DIGIT_CHOICES.arabic), quickText(DIGIT_CHOICES.thai), ...back, cancel()];
    case 'digestTime':
      return [quickText(DIGEST_OFF_LABEL), ...back, cancel()];
    case 'itaLevel':
      return [...ITA_LEVELS.map((l) => quickText(l)), cancel()];
    case 'factorRemove':
      return [...(draft.factors ?? []).slice(0, 11).map((_, i) => quickText(String(i + 1))), cancel()];
    default:
      return [...back, cancel()];
  }
}

/** The question of a setting, with what it is now. */
export function questionOf(draft: SettingsDraft): string {
  const now = draft.ask === 'dayOffAdd' ? '' : draft.ask.startsWith('factor') ? `\n\nปัจจุบัน:\n${factorsText(draft.factors ?? [])}` : `\n\nปัจจุบัน: ${draft.current}`;
  return `${SAY.ask[draft.ask](draft)}${now}`;
}

export function askSetting(draft: SettingsDraft, before: Message[] = []): SettingsOutcome {
  return { replies: [...before, text(questionOf(draft), buttonsFor(draft))], state: { dialog: DIALOG, step: 'value', data: draft } };
}

/** Straight to the confirmation: removing a listed day off is chosen by its button. */
export function confirmDayRemoval(draftId: string, day: { date: DayKey; name: string }, f: Figures = figures()): SettingsOutcome {
  const draft: SettingsDraft = { draftId, ask: 'dayOffAdd', current: `${f.digits(dayText(day.date))} ${day.name}`, change: { key: 'dayOffRemove', date: day.date }, after: SAY.dayOffGone };
  return atConfirm(draft);
}

function atConfirm(draft: SettingsDraft, before: Message[] = []): SettingsOutcome {
  return { replies: [...before, confirmMessage(draft)], state: { dialog: DIALOG, step: 'confirm', data: draft } };
}

/** A list (ปัจจัยสนับสนุน) under its heading, one a line; a single value beside it. */
const shown = (value: string, list: boolean) => (list || value.includes('\n') ? `\n${value}` : ` ${value}`);

function confirmMessage(draft: SettingsDraft): Message {
  const change = draft.change!;
  const list = draft.ask.startsWith('factor');
  const before = change.key === 'dayOffAdd' ? '-' : list ? factorsText(draft.factors ?? []) : draft.current;
  const note = draft.note ? `\n\n${draft.note}` : '';
  return text(`${SAY.checkFirst}\n${subjectOf(change)}\nเดิม:${shown(before, list)}\nใหม่:${shown(draft.after!, list)}${note}`, [
    quickPostback('บันทึก', postbackData(SETTINGS_ACTIONS.settingsSave, { d: draft.draftId })),
    cancel(),
  ]);
}

type Read = Parsed<{ change: SettingChange; after: string }>;

const as = <T>(parsed: Parsed<T>, make: (value: T) => { change: SettingChange; after: string }): Read => ('error' in parsed ? parsed : { value: make(parsed.value) });

/** The typed value read for the setting asked, or why it cannot be. */
function read(draft: SettingsDraft, typed: string, facts: Facts): Read {
  const { ask } = draft;
  if (WITH_DEFAULT.includes(ask) && isDefaultWord(typed)) {
    const change: SettingChange = ask === 'jobTime' ? { key: 'jobTime', job: draft.job!, jobTh: draft.jobTh!, value: null } : ({ key: ask, value: null } as SettingChange);
    return { value: { change, after: ask === 'jobTime' ? SAY.systemTime : ask === 'messageBudget' ? LINE_QUOTA_TH : SAY.systemValue } };
  }
  const d = (facts.f ?? figures()).digits;
  const fiscalYear = draft.fiscalYear!;
  const factors = draft.factors ?? [];
  const factorsAfter = (change: Extract<SettingChange, { key: 'supportingFactors' }>) => ({ change, after: factorsText(applyFactorEdit(factors, change.edit)) });
  switch (ask) {
    case 'name':
      return as(parseOrganisationName(typed), (value) => ({ change: { key: 'name', value }, after: value }));
    case 'district':
    case 'province':
      return as(parsePlace(ask, typed), (value) => ({ change: { key: ask, value }, after: value }));
    case 'thresholds':
      return as(parseTypedThresholds(typed), (value) => ({ change: { key: 'thresholds', value }, after: d(thresholdsText(value)) }));
    case 'roundReminderDays':
    case 'oitReminderDays':
      return as(parseReminderDays(typed), (value) => ({ change: { key: ask, value }, after: d(daysText(value)) }));
    case 'jobTime':
      return as(parseTypedTime(typed), (value) => ({ change: { key: 'jobTime', job: draft.job!, jobTh: draft.jobTh!, value }, after: d(`${value} น.`) }));
    case 'dayOffAdd':
      return as(parseDayOff(typed, facts.today), (day) => ({ change: { key: 'dayOffAdd', date: day.date, name: day.name }, after: `${d(dayText(day.date))} ${day.name}` }));
    case 'factorAdd':
      return as(parseFactorLine(typed), (line) => factorsAfter({ key: 'supportingFactors', fiscalYear, edit: { op: 'add', line } }));
    case 'factorRemove':
      return as(parseFactorNumber(typed, factors.length), (index) => factorsAfter({ key: 'supportingFactors', fiscalYear, edit: { op: 'remove', index } }));
    case 'factorReplace':
      return as(parseFactorLines(typed), (lines) => factorsAfter({ key: 'supportingFactors', fiscalYear, edit: { op: 'replace', lines } }));
    case 'itaScore':
      return as(parseItaScore(typed), (value) => ({ change: { key: 'itaScore', value }, after: d(String(value)) }));
    case 'itaLevel':
      return as(parseItaLevel(typed), (value) => ({ change: { key: 'itaLevel', value }, after: value }));
    case 'complaintCategories':
      return as(parseTypedCategories(typed), (value) => ({ change: { key: 'complaintCategories', value }, after: categoriesText(value) }));
    case 'digestTime':
      return as(parseTypedDigestTime(typed), (value) => ({ change: { key: 'digestTime', value }, after: d(digestText(value)) }));
    case 'digits':
      return as(parseDigitChoice(typed), (value) => ({ change: { key: 'digits', value }, after: digitsText(value) }));
    case 'messageBudget':
      return as(parseMessageBudget(typed), (value) => ({ change: { key: 'messageBudget', value }, after: d(budgetText(value)) }));
  }
}

const isSaveWord = (typed: string) => typed.trim() === 'บันทึก' || isConfirmWord(typed);

export function continueSettings(state: SettingsState, input: DialogInput, facts: Facts): SettingsOutcome {
  const draft = state.data;
  if (input.kind === 'postback' && input.action === SETTINGS_ACTIONS.settingsSave.name) {
    if (input.params.d !== draft.draftId || state.step !== 'confirm') return { replies: [text(SAY.staleButton)] };
    return save(draft);
  }
  if (state.step === 'confirm') {
    if (input.kind === 'text' && isSaveWord(input.text)) return save(draft);
    return atConfirm(draft, [text(SAY.confirmHint)]);
  }
  if (input.kind !== 'text') return askSetting(draft, [text(NEED_TEXT)]);
  const got = read(draft, input.text, facts);
  // The question stays: the admin types again, or cancels.
  if ('error' in got) return { replies: [text(got.error, buttonsFor(draft))] };
  const change = got.value.change;
  const off = change.key === 'dayOffAdd' ? facts.alreadyOff?.(change.date) : null;
  return atConfirm({ ...draft, ...got.value, ...(off ? { note: SAY.alreadyOff(off) } : {}) });
}

function save(draft: SettingsDraft): SettingsOutcome {
  return { replies: [], state: null, effects: [{ type: 'saveSetting', change: draft.change!, shown: draft.after! }] };
}

export function repeatSettingsPrompt(state: SettingsState): Message[] {
  return state.step === 'confirm' ? [text(SAY.resume), confirmMessage(state.data)] : [text(SAY.resume), text(questionOf(state.data), buttonsFor(state.data))];
}

export function isSettingsState(state: DialogState | null): state is SettingsState {
  return state?.dialog === DIALOG && (state.step === 'value' || state.step === 'confirm');
}
