import type { NoticeTiming } from '../../domain/notice-timing.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import type { ChatStores } from '../../db/chat-stores.js';
import type { DialogState } from '../../domain/dialog-state.js';
import type { EvidenceLink } from '../../domain/evidence.js';
import type { StaffRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { DigitStyle } from '../../domain/figures.js';
import type { OrgSettings } from '../../domain/organisation.js';
import type { LineClient } from '../../line/client.js';
import type { Message } from '../../line/messages.js';
import type { Logger } from '../../log.js';
import type { ReportKind } from '../../reports/catalogue.js';
import type { Sealer } from '../../security/crypto.js';
import type { Cues } from './cues.js';
import type { PostbackActions } from '../../line/postback-action.js';
import type { RichMenuTile } from '../../domain/rich-menus.js';

/** Who wrote: their LINE id, the keyed hash that stands for them in stored records, and their staff account. */
export interface Sender {
  userId: string;
  userKey: string;
  staff: StaffMember | null;
  roles: readonly StaffRole[];
}

/** Carries out a feature's own effects; what it returns is added to the replies. */
export type Perform<E> = (effect: E) => Promise<Message[] | void>;

/** Everything a chat handler reads: the input, who sent it, the organisation, the clock, the stores. */
export interface ChatContext {
  input: DialogInput;
  /** The argument of a command such as "ติดตาม G2569-0001", or what a sentence named; '' when none. */
  argument: string;
  eventId: string;
  now: Date;
  /** The organisation of the event, with its settings as resolved for the event (`OrgSettings`). */
  org: Pick<OrgSettings, 'thresholds' | 'dialogTimeoutMinutes' | 'complaintCategories'> &
    Partial<Pick<OrgSettings, 'roundReminderDaysBefore' | 'oitReminderDaysBefore'>> & {
    id: string;
    /** The digits of the bot's own figures (counts, dates, percentages); never applied to what people typed or to codes. */
    digits: DigitStyle;
    /** Its working days (public holidays, its own days off), read when a deadline is set. */
    workingCalendar: () => Promise<WorkingCalendar>;
    /** The fiscal year its officers report on (set by the latest plan import), kept in memory by the tenant directory. */
    activeFiscalYear: () => Promise<number>;
    /** When its notices are first due (`OrgSettings.notices`); at once when not given. */
    notices?: NoticeTiming;
  };
  sender: Sender;
  /** The group the event was said in (its LINE id and the keyed hash that stands for it); absent in a one-to-one chat. */
  group?: { id: string; key: string };
  /** The features heard where the event was said (their menu entries make the help text and its buttons). */
  features: readonly Feature[];
  /** The dialog under way, if any (an expired one has already been dropped). */
  dialog: DialogState | null;
  stores: ChatStores;
  line: Pick<LineClient, 'getDisplayName' | 'getContent' | 'linkRichMenu' | 'unlinkRichMenu' | 'memberCount'>;
  sealer: Sealer;
  log: Logger;
  /** Sends outbox messages (e.g. a new case to its handlers) at once rather than at the next tick. */
  kickOutbox?: () => void;
  /**
   * A signed, expiring download link for a report (LINE cannot carry files), naming who asked for it; of
   * the current fiscal year unless one is given.
   */
  reportLink?: (kind: ReportKind, now: Date, requesterLineUserId: string, fiscalYear?: number) => { url: string; minutes: number };
  /** A signed, expiring link to one evidence file of this organisation, naming the viewer it is issued to. */
  evidenceLink?: (link: Omit<EvidenceLink, 'o'>, now: Date) => { url: string; minutes: number };
  /** The organisation's public transparency page (no login), for the summary's chart button. */
  publicPageUrl?: () => string;
  /**
   * Carries out a dialog step: its effects first, then its new state, so that what the person confirmed
   * is stored before the dialog moves on. The one place where dialogs are saved.
   */
  run<E = never>(outcome: Outcome<E | StoreAttachment>, perform?: Perform<E>): Promise<Message[]>;
  /** Drops the dialog under way. */
  endDialog(): Promise<void>;
}

/**
 * Who a menu entry is for: people with no staff role ('citizen'), people with no staff role yet who are
 * told how staff join ('newcomer'), anyone with a staff role ('staff'), everyone, or the listed staff roles.
 */
export type Audience = 'everyone' | 'citizen' | 'newcomer' | 'staff' | readonly StaffRole[];

/** One line of `ช่วยเหลือ` and/or one button under it. */
export interface MenuEntry {
  for: Audience;
  /** Left out for anyone who also holds one of these roles (their own entry says more). */
  unless?: readonly StaffRole[];
  /** Its place among every feature's entries, smallest first: help lines and buttons follow the same order. */
  order: number;
  /** Its line in the help text, without the bullet. */
  help?: string;
  /** Its quick-reply button: the label, which is also the text it sends. */
  button?: string;
}

/**
 * One thing the bot does in the chat, and what brings a person to it. The router reads these fields; the
 * feature only answers. A feature may be reached by a typed command, a sentence, a button, or by being
 * the dialog under way.
 */
export interface Feature {
  name: string;
  /**
   * Where it is heard: a one-to-one chat ('user', the default), a group ('group'), or both. In a group the
   * bot hears only its group features' words, commands and events, and stays silent to everything else.
   */
  where?: 'user' | 'group' | 'both';
  /** Chat events it answers rather than anything said: the bot being added to a group, or removed from it. */
  events?: readonly ('join' | 'leave')[];
  /** Whole messages that ask for it, Thai first and English aliases after; compared trimmed and case-blind. */
  words?: readonly string[];
  /** A typed command with an argument ("ติดตาม G2569-0001"): the argument ('' when none), or null when it is not this command. */
  command?: (text: string) => string | null;
  /**
   * Sentences that mean it, tried only when no dialog waits for an answer, on the text without spaces,
   * lower-cased, with Arabic digits. A function returns the argument it found ('' when none) or null.
   */
  meaning?: RegExp | ((plain: string, raw: string) => string | null);
  /**
   * File messages it takes by their name (a CSV or Excel file to import): only when no dialog is under way in
   * a one-to-one chat, as a dialog waiting for a photo or file keeps what is sent to it.
   */
  takesFile?: (file: { fileName: string | null; mediaKind: string }) => boolean;
  /** Cue words that are scored on the normalised sentence, when no dialog waits (chat/cues.ts). */
  cues?: Cues;
  /**
   * Its postback actions, each with the schema of its params: the cards that put one on a button build its
   * data from the same declaration, and a button whose data does not fit is refused before any handler.
   * Actions marked `inDialog` go to its dialog under way; the others reach it from anywhere.
   */
  actions?: PostbackActions;
  /** What `ช่วยเหลือ` lists for it and the buttons it puts under help, for whom (chat/menu.ts). */
  menu?: readonly MenuEntry[];
  /** Its tiles on the rich menus (menus/rich-menu-files.ts makes each menu's tap areas and picture source from them). */
  tiles?: readonly RichMenuTile[];
  /** Who may use it; anyone else reads `refusal`, and the dialog under way goes on. */
  allowed?: (sender: Sender) => boolean;
  refusal?: string;
  /** Starting it throws away the dialog under way, so the router asks first (for typed requests). */
  startsDialog?: boolean;
  handle(ctx: ChatContext): Promise<Message[]>;
  /** The dialog it carries on: every input goes there while it is under way, except other features' requests. */
  dialog?: {
    name: string;
    /**
     * Every answer is stored as it is given, so nothing is lost by leaving it: a request for another
     * dialog ends it without asking "ทิ้งแล้วเริ่มใหม่?" first.
     */
    savesEachAnswer?: boolean;
    /**
     * Whether, at this step, a sentence another feature understands goes to that feature rather than being
     * taken as the answer (normally only exact words, commands and buttons leave a dialog).
     */
    hearsSentences?: (state: DialogState) => boolean;
    /**
     * Whether a photo or file sent at this step is its answer (unset: it is). A dialog that only asks for
     * typed text says no, so a file sent then reaches the feature that takes files.
     */
    takesMedia?: (state: DialogState) => boolean;
    continue(ctx: ChatContext): Promise<Message[]>;
    /** Its current question again, with its buttons, after an answer to something else. */
    resume(ctx: ChatContext): Promise<Message[]>;
  };
}
