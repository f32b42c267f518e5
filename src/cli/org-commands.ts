import { InvalidArgumentError, type Command } from 'commander';
import { fiscalYearArgument, scoreArgument } from './arguments.js';
import type { CliContext } from './context.js';
import { loadDataKey, loadPublicBaseUrl } from '../config.js';
import {
  ensureOrganisation,
  findOrganisation,
  listOrganisations,
  ownSettingsOf,
  setActive,
  supportingFactorsOf,
  type ChannelFields,
} from '../db/organisation-store.js';
import { changeSetting } from '../db/settings-store.js';
import { CLI_ACTOR } from '../domain/admin-audit.js';
import { parseDigestChoice, type DigestChoice } from '../domain/notice-timing.js';
import { budgetText, digestText, parseItaLevel, parseMessageBudget, parseOrganisationName, parsePlace, parseReminderDays, parseTypedThresholds, type Parsed, type SettingChange } from '../domain/settings.js';
import { ownMessageBudgetOf } from '../db/message-use-store.js';
import { timeOfDayKey } from '../domain/calendar.js';
import { DIGIT_STYLES, parseDigitStyle, type DigitStyle } from '../domain/figures.js';
import { ORG_CODE_PATTERN, parseTimeOfDay, type TimeOfDay } from '../domain/organisation.js';
import { JOB_NAMES, JOBS, type JobName } from '../jobs/registry.js';
import type { Threshold } from '../domain/summary.js';
import { createSealer, type Sealer } from '../security/crypto.js';
import { dataKeyFitsDatabase } from '../db/data-key-check-store.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { issueOnboardingLink } from '../db/onboarding-link-store.js';
import { addOrganisationLogged, connectChannel } from '../onboarding/organisation-changes.js';

/**
 * Operator commands for the organisations of a deployment: `org list | add | update | disable | enable`.
 * `org` alone (with profile options) updates the default organisation, as before there were several.
 */


interface ProfileOptions {
  name?: string;
  district?: string;
  province?: string;
  fiscalYear?: number;
  itaScore?: number;
  itaLevel?: string;
  supportingFactor?: string[];
}

interface ChannelOptions {
  botUserId?: string;
  channelId?: string;
  channelSecret?: string;
  accessToken?: string;
}

const orgCode = (value: string) => {
  if (!ORG_CODE_PATTERN.test(value)) throw new InvalidArgumentError('รหัสองค์กรใช้ได้เฉพาะ a-z 0-9 และ - ยาวไม่เกิน 40 ตัว');
  return value;
};

const botUserId = (value: string) => {
  if (!/^U[0-9a-f]{32}$/.test(value)) throw new InvalidArgumentError('ต้องเป็น Bot user ID ของช่อง LINE (U ตามด้วยเลขฐานสิบหก 32 ตัว คือ userId ที่ GET https://api.line.me/v2/bot/info ตอบ หรือ destination ใน webhook)');
  return value;
};

/** A value read as `ตั้งค่า` in LINE reads it (domain/settings.ts), refused with the same Thai answer. */
const typed =
  <T>(read: (value: string) => Parsed<T>) =>
  (value: string): T => {
    const parsed = read(value);
    if ('error' in parsed) throw new InvalidArgumentError(parsed.error);
    return parsed.value;
  };

function profileOptions(command: Command): Command {
  return command
    .option('--name <name>', 'ชื่อองค์กร เช่น "องค์การบริหารส่วนตำบลโพธิ์ทอง"', typed(parseOrganisationName))
    .option('--district <district>', 'อำเภอ', typed((v) => parsePlace('district', v)))
    .option('--province <province>', 'จังหวัด', typed((v) => parsePlace('province', v)))
    .option('--fiscal-year <year>', 'ปีงบประมาณที่กำลังรายงาน (พ.ศ.)', fiscalYearArgument)
    .option('--ita-score <score>', 'คะแนน ITA', scoreArgument)
    .option('--ita-level <level>', 'ระดับผลการประเมิน ITA เช่น "AA"', typed(parseItaLevel))
    .option(
      '--supporting-factor <text>',
      'ปัจจัยสนับสนุนของแผนป้องกันการทุจริตในปีงบประมาณที่กำลังรายงาน ใส่ได้หลายครั้ง (แทนที่รายการเดิมของปีนั้น; "" เพื่อล้าง)',
      (v: string, all: string[] = []) => [...all, v],
    );
}

/** As parsed: an empty list is `default`, back to the deployment's value. */
interface SettingsOptions {
  thresholds?: Threshold[];
  roundReminderDays?: number[];
  oitReminderDays?: number[];
  /** Job → its own time, or null for `default`. */
  time?: Record<string, TimeOfDay | null>;
  /** null for `default`. */
  digits?: DigitStyle | null;
  /** null for `default` (LINE's quota). */
  messageBudget?: number | null;
  /** A time, `off`, or null for `default`. */
  digestTime?: DigestChoice | null;
}

const DEFAULT_WORD = 'default';

// The same reading as `ตั้งค่า` in LINE (domain/settings.ts), so a value is valid whichever way it is set.
const thresholdsArgument = (value: string): Threshold[] => {
  if (value.trim() === DEFAULT_WORD) return [];
  const parsed = parseTypedThresholds(value);
  if ('error' in parsed) throw new InvalidArgumentError(`${parsed.error} หรือ default เพื่อใช้ค่าของระบบ`);
  return parsed.value;
};

const daysArgument = (value: string): number[] => {
  if (value.trim() === DEFAULT_WORD) return [];
  const parsed = parseReminderDays(value);
  if ('error' in parsed) throw new InvalidArgumentError(`${parsed.error} หรือ default เพื่อใช้ค่าของระบบ`);
  return parsed.value;
};

const digitsArgument = (value: string): DigitStyle | null => {
  if (value.trim() === DEFAULT_WORD) return null;
  const style = parseDigitStyle(value);
  if (!style) throw new InvalidArgumentError(`ต้องเป็น ${DIGIT_STYLES.join(' หรือ ')} หรือ default เพื่อใช้ค่าของระบบ`);
  return style;
};

const budgetArgument = (value: string): number | null => {
  if (value.trim() === DEFAULT_WORD) return null;
  const parsed = parseMessageBudget(value);
  if ('error' in parsed) throw new InvalidArgumentError(`${parsed.error} หรือ default เพื่อใช้โควตาของแพ็กเกจ LINE`);
  return parsed.value;
};

const digestArgument = (value: string): DigestChoice | null => {
  if (value.trim() === DEFAULT_WORD) return null;
  const choice = parseDigestChoice(value);
  if (!choice) throw new InvalidArgumentError('ต้องเป็นเวลาแบบ 24 ชั่วโมง ตามเวลาประเทศไทย เช่น 16:00 หรือ off เพื่อส่งทันที หรือ default เพื่อใช้ค่าของระบบ');
  return choice;
};

const DIGITS_TH: Record<DigitStyle, string> = { arabic: 'เลขอารบิก', thai: 'เลขไทย' };
const digitsText = (digits: DigitStyle | null): string =>
  digits ? `${DIGITS_TH[digits]} ทั้งในแชตและเอกสารรายงาน` : 'เลขอารบิกในแชต เอกสารรายงานตามแบบฟอร์ม (ค่าของระบบ)';

/** `monthly-summary=10:00` or `monthly-summary=default`, added to the ones given before it. */
const jobTimeArgument = (value: string, given: Record<string, TimeOfDay | null> = {}): Record<string, TimeOfDay | null> => {
  const match = /^([^=]+)=(.*)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`ต้องเป็น <งาน>=<เวลา> เช่น monthly-summary=10:00 หรือ monthly-summary=default เพื่อใช้เวลาของระบบ`);
  const [job, at] = [match[1]!.trim(), match[2]!.trim()];
  if (!(JOB_NAMES as readonly string[]).includes(job)) throw new InvalidArgumentError(`ไม่รู้จักงาน "${job}" (มี ${JOB_NAMES.join(', ')})`);
  if (at === DEFAULT_WORD) return { ...given, [job]: null };
  const time = parseTimeOfDay(at);
  if (!time) throw new InvalidArgumentError(`"${at}" ไม่ใช่เวลา ต้องเป็นชั่วโมง:นาที แบบ 24 ชั่วโมง ตามเวลาประเทศไทย เช่น 10:00 หรือ 16:30`);
  return { ...given, [job]: time };
};

const timesText = (times: Readonly<Record<string, TimeOfDay>> | null): string =>
  times ? Object.entries(times).map(([job, at]) => `${job} ${at}`).join(', ') : 'ตามเวลาของระบบทุกงาน';

/** The organisation's own settings instead of the deployment's (environment) ones; `default` goes back to those. */
function settingsOptions(command: Command): Command {
  return command
    .option('--thresholds <levels>', 'เกณฑ์ระดับการดำเนินการขององค์กรนี้ เช่น "มาก:70,ปานกลาง:50,น้อย:0" (default: ค่าของระบบ)', thresholdsArgument)
    .option('--round-reminder-days <days>', 'เตือนรอบรายงานก่อนวันที่ 31 มี.ค./30 ก.ย. กี่วัน เช่น 7,1 (default: ค่าของระบบ)', daysArgument)
    .option('--oit-reminder-days <days>', 'เตือน OIT ก่อนวันที่ 30 เม.ย. กี่วัน เช่น 7,3,1 (default: ค่าของระบบ)', daysArgument)
    .option(
      '--time <job=HH:MM>',
      `เวลาที่งานตามกำหนดเวลาทำงานให้องค์กรนี้ (เวลาประเทศไทย) ในวันเดียวกับของระบบ เช่น monthly-summary=10:00 ใส่ได้หลายครั้ง (<งาน>=default: เวลาของระบบ) งาน: ${JOB_NAMES.join(', ')}`,
      jobTimeArgument,
    )
    .option('--digits <style>', 'ตัวเลขในข้อความของระบบ: arabic หรือ thai (default: เลขอารบิกในแชต เอกสารรายงานตามแบบฟอร์ม) ข้อความที่ผู้ใช้พิมพ์และรหัสต่าง ๆ แสดงตามเดิมเสมอ', digitsArgument)
    .option(
      '--message-budget <messages>',
      'งบข้อความ LINE ที่ระบบส่งเองได้ต่อเดือน เช่น 150 เกินงบแล้วส่งเฉพาะข้อความที่ระเบียบกำหนด ข้อความอื่นรอส่ง (default: โควตาของแพ็กเกจ LINE)',
      budgetArgument,
    )
    .option(
      '--digest-time <HH:MM|off>',
      'เวลาส่งการแจ้งเตือนที่รอได้รวมเป็นข้อความเดียวต่อคนต่อวัน (เวลาประเทศไทย) เช่น 16:00 หรือ off เพื่อส่งทันทีทีละเรื่อง (default: ค่าของระบบ NOTICE_DIGEST_TIME)',
      digestArgument,
    );
}

/** Each option given is one change through the settings path (one management-log line each). */
async function applySettings(cli: CliContext, orgId: string, o: SettingsOptions): Promise<void> {
  const others = o.thresholds !== undefined || o.roundReminderDays !== undefined || o.oitReminderDays !== undefined || o.digits !== undefined || o.messageBudget !== undefined || o.digestTime !== undefined;
  if (others) {
    const given = <T>(list: T[] | undefined): T[] | null | undefined => (list === undefined ? undefined : list.length === 0 ? null : list);
    const changes: SettingChange[] = [];
    const thresholds = given(o.thresholds);
    if (thresholds !== undefined) changes.push({ key: 'thresholds', value: thresholds });
    const round = given(o.roundReminderDays);
    if (round !== undefined) changes.push({ key: 'roundReminderDays', value: round });
    const oit = given(o.oitReminderDays);
    if (oit !== undefined) changes.push({ key: 'oitReminderDays', value: oit });
    if (o.digits !== undefined) changes.push({ key: 'digits', value: o.digits });
    if (o.messageBudget !== undefined) changes.push({ key: 'messageBudget', value: o.messageBudget });
    if (o.digestTime !== undefined) changes.push({ key: 'digestTime', value: o.digestTime });
    for (const change of changes) await changeSetting(orgId, change, CLI_ACTOR, cli.now());
    const own = await ownSettingsOf(orgId);
    const levels = own.thresholds ? own.thresholds.map((t) => `${t.label} ${t.min}`).join(', ') : 'ค่าของระบบ';
    cli.say(`เกณฑ์ระดับ: ${levels} · เตือนรอบรายงาน: ${own.roundReminderDaysBefore?.join(', ') ?? 'ค่าของระบบ'} · เตือน OIT: ${own.oitReminderDaysBefore?.join(', ') ?? 'ค่าของระบบ'}`);
    cli.say(`ตัวเลข: ${digitsText(own.digits)}`);
    cli.say(`งบข้อความ LINE ต่อเดือน: ${budgetText(await ownMessageBudgetOf(orgId))}`);
    cli.say(`การแจ้งเตือนรวมประจำวัน: ${own.digestTime ? digestText(own.digestTime) : 'ค่าของระบบ'}`);
  }
  if (o.time) {
    for (const [job, at] of Object.entries(o.time)) {
      await changeSetting(orgId, { key: 'jobTime', job, jobTh: JOBS[job as JobName].thai.name, value: at }, CLI_ACTOR, cli.now());
    }
    cli.say(`เวลาของงาน: ${timesText((await ownSettingsOf(orgId)).jobTimes)}`);
    // The scheduler catches up only minutes it has not looked at yet: a time already past today counts from tomorrow.
    const now = timeOfDayKey(cli.now());
    const past = Object.entries(o.time).filter(([, at]) => at !== null && at <= now).map(([job]) => job);
    if (past.length > 0) {
      cli.say(`เวลาของ ${past.join(', ')} ผ่านไปแล้วสำหรับวันนี้ จะเริ่มใช้ตั้งแต่พรุ่งนี้ หากวันนี้เป็นวันที่งานต้องทำและยังไม่ได้ทำ สั่งได้ทันทีด้วย ORG_CODE=${orgId} npm run cli -- jobs run <งาน>`);
    }
  }
  if (others || o.time) cli.say('ระบบที่ทำงานอยู่จะใช้ค่าใหม่ภายใน 30 วินาที');
}

function channelOptions(command: Command): Command {
  return command
    .option('--bot-user-id <id>', 'Bot user ID ของช่อง LINE (ค่า destination ที่ LINE ส่งมากับ webhook)', botUserId)
    .option('--channel-id <id>', 'Channel ID ของช่อง LINE')
    .option('--channel-secret <secret>', 'Channel secret (เก็บแบบเข้ารหัส)')
    .option('--access-token <token>', 'Channel access token (เก็บแบบเข้ารหัส)');
}

/** All four channel values, or none; a half-given channel is refused rather than stored. */
function channelOf(o: ChannelOptions): ChannelFields | null {
  const given = [o.botUserId, o.channelSecret, o.accessToken].filter((v) => v !== undefined).length;
  if (given === 0) return null;
  if (given < 3) throw new InvalidArgumentError('ต้องระบุ --bot-user-id --channel-secret และ --access-token ครบทั้งสามค่า');
  return { botUserId: o.botUserId!, channelId: o.channelId, secret: o.channelSecret!, accessToken: o.accessToken! };
}

/** Each profile option given is one change through the settings path; then the profile as it stands. */
async function printProfile(cli: CliContext, orgId: string, o: ProfileOptions): Promise<void> {
  await ensureOrganisation(orgId, cli.now());
  const changes: SettingChange[] = [];
  for (const key of ['name', 'district', 'province'] as const) if (o[key] !== undefined) changes.push({ key, value: o[key] });
  if (o.fiscalYear !== undefined) changes.push({ key: 'fiscalYear', value: o.fiscalYear });
  if (o.itaScore !== undefined) changes.push({ key: 'itaScore', value: o.itaScore });
  if (o.itaLevel !== undefined) changes.push({ key: 'itaLevel', value: o.itaLevel });
  for (const change of changes) await changeSetting(orgId, change, CLI_ACTOR, cli.now());
  const org = (await findOrganisation(orgId))!;
  if (o.supportingFactor) {
    const lines = o.supportingFactor.map((f) => f.trim()).filter(Boolean);
    await changeSetting(orgId, { key: 'supportingFactors', fiscalYear: org.fiscalYear, edit: { op: 'replace', lines } }, CLI_ACTOR, cli.now());
  }
  const factors = await supportingFactorsOf(orgId, org.fiscalYear);
  cli.say(`${org.name} (${orgId}) · อำเภอ${org.district || '-'} · จังหวัด${org.province || '-'}`);
  cli.say(`ปีงบประมาณ ${org.fiscalYear} · ITA ${org.itaScore ?? '-'} ${org.itaLevel ?? ''}`.trim());
  cli.say(`ปัจจัยสนับสนุนของแผนฯ ปี ${org.fiscalYear}: ${factors.length > 0 ? factors.join(' / ') : '-'}`);
}

/** The data key, checked against the database first: a channel sealed with another key could never be opened. */
async function sealerOfDatabase(env: NodeJS.ProcessEnv): Promise<Sealer> {
  const sealer = createSealer(loadDataKey(env));
  if (!(await dataKeyFitsDatabase(sealer))) throw new Error('DATA_ENCRYPTION_KEY is not the key this database was encrypted with: nothing was saved. Use the key the bot runs with.');
  return sealer;
}

/** A new onboarding link, printed with what the operator does with it. */
async function printOnboardingLink(cli: CliContext, orgId: string): Promise<void> {
  const base = loadPublicBaseUrl(cli.env);
  const link = await issueOnboardingLink(orgId, { now: cli.now() });
  cli.say(`ลิงก์เริ่มใช้งาน: ${base.url}/onboard/${link.token}`);
  cli.say(`ส่งลิงก์นี้ให้ผู้ดูแลขององค์กร เพื่อกรอกค่าของช่อง LINE ทางโทรศัพท์ ระบบจะตรวจสอบกับ LINE ติดตั้งเมนูลัด และออกรหัสลงทะเบียนของผู้ดูแลคนแรกให้`);
  cli.say(`ใช้ได้ครั้งเดียว ถึง ${formatThaiDateTime(link.expiresAt)} (${link.expiresAt.toISOString()}) ออกลิงก์ใหม่ได้ด้วย org onboard-link ${orgId}`);
  if (!base.configured) cli.say('ยังไม่ได้ตั้ง PUBLIC_BASE_URL: ลิงก์นี้เปิดได้จากเครื่องนี้เท่านั้น ตั้งเป็นที่อยู่ HTTPS ของบอตแล้วออกลิงก์ใหม่');
}

export function addOrganisationCommands(program: Command, cli: CliContext): void {
  const { withDatabase } = cli;
  const org = program.command('org').description('องค์กรในระบบ: แสดง เพิ่ม แก้ไข ปิดใช้งาน และช่อง LINE ของแต่ละองค์กร');

  settingsOptions(profileOptions(channelOptions(org.command('update', { isDefault: true }))))
    .description('แก้ไขข้อมูลองค์กร (ไม่ระบุรหัส: องค์กรหลักตาม ORG_CODE) ค่าที่องค์กรกำหนดเอง และเปลี่ยนช่อง LINE ได้')
    .argument('[code]', 'รหัสองค์กร', orgCode)
    .action(async (code: string | undefined, o: ProfileOptions & ChannelOptions & SettingsOptions) => {
      const channel = channelOf(o);
      await withDatabase(async (defaultOrg) => {
        const orgId = code ?? defaultOrg;
        if (channel) {
          const saved = await connectChannel(orgId, channel, { sealer: await sealerOfDatabase(cli.env), actor: CLI_ACTOR });
          if (saved !== 'saved') {
            cli.complain(saved === 'bot-taken' ? `ช่อง LINE ${channel.botUserId} เป็นขององค์กรอื่นอยู่แล้ว จึงไม่ได้บันทึก` : `ไม่พบองค์กรรหัส ${orgId}`);
            cli.fail();
            return;
          }
        }
        await printProfile(cli, orgId, o);
        await applySettings(cli, orgId, o);
        if (channel) cli.say('บันทึกช่อง LINE แล้ว ระบบที่ทำงานอยู่จะใช้ภายใน 30 วินาที');
      });
    });

  profileOptions(channelOptions(org.command('add')))
    .description('เพิ่มองค์กรพร้อมช่อง LINE Official Account ของตนเอง (ใช้ webhook เดียวกับองค์กรอื่น)')
    .argument('<code>', 'รหัสองค์กร a-z 0-9 และ - เช่น "abt-phothong"', orgCode)
    .action(async (code: string, o: ProfileOptions & ChannelOptions) => {
      const channel = channelOf(o);
      if (!o.name) throw new InvalidArgumentError('ต้องระบุ --name ชื่อองค์กร');
      await withDatabase(async () => {
        const profile = { name: o.name!, district: o.district, province: o.province };
        if (!(await addOrganisationLogged(code, { profile, channel, sealer: await sealerOfDatabase(cli.env), actor: CLI_ACTOR, now: cli.now() }))) {
          cli.complain(`มีองค์กรรหัส ${code} อยู่แล้ว ใช้ org update ${code} เพื่อแก้ไข`);
          cli.fail();
          return;
        }
        await printProfile(cli, code, o);
        if (channel) cli.say('เพิ่มองค์กรและช่อง LINE แล้ว ตั้ง Webhook URL ของช่องเป็น <PUBLIC_BASE_URL>/webhook');
        else {
          cli.say('เพิ่มองค์กรแล้ว ยังไม่มีช่อง LINE');
          await printOnboardingLink(cli, code);
        }
      });
    });

  org
    .command('onboard-link')
    .description('ออกลิงก์เริ่มใช้งานใหม่ให้องค์กร เพื่อให้ผู้ดูแลขององค์กรเชื่อมหรือเปลี่ยนช่อง LINE เอง (ลิงก์เดิมที่ยังไม่ได้ใช้จะใช้ไม่ได้อีก)')
    .argument('<code>', 'รหัสองค์กร', orgCode)
    .action(async (code: string) => {
      await withDatabase(async () => {
        if (!(await findOrganisation(code))) {
          cli.complain(`ไม่พบองค์กรรหัส ${code} (เพิ่มด้วย org add)`);
          cli.fail();
          return;
        }
        await printOnboardingLink(cli, code);
      });
    });

  org
    .command('list')
    .description('แสดงทุกองค์กร สถานะ และช่อง LINE (ไม่แสดงรหัสลับ)')
    .action(async () => {
      const all = await withDatabase(() => listOrganisations());
      if (all.length === 0) return cli.say('ยังไม่มีองค์กร');
      for (const o of all) {
        const where = [o.district && `อำเภอ${o.district}`, o.province && `จังหวัด${o.province}`].filter(Boolean).join(' ');
        const channel = o.botUserId ? `ช่อง LINE ${o.botUserId}${o.channelId ? ` (channel ${o.channelId})` : ''}` : 'ช่อง LINE จากค่าตั้งระบบหรือยังไม่มี';
        const times = o.jobTimes ? ` · เวลาของงาน: ${timesText(o.jobTimes)}` : '';
        const digits = o.digits ? ` · ${DIGITS_TH[o.digits]}` : '';
        cli.say(`${o.active ? '●' : '○ ปิดใช้งาน'} ${o.orgId} · ${o.name}${where ? ` · ${where}` : ''} · ${channel}${times}${digits}`);
      }
    });

  for (const [name, active, done] of [
    [
      'disable',
      false,
      'ปิดใช้งานแล้ว: ไม่ตอบข้อความและไม่ส่งงานตามกำหนดเวลา ข้อมูลยังอยู่ครบ (มีผลภายใน 30 วินาที)\nหากต้องการแจ้งผู้ใช้ว่าช่องทางนี้ปิดแล้ว ให้ตั้งข้อความตอบกลับอัตโนมัติใน LINE Official Account Manager',
    ],
    ['enable', true, 'เปิดใช้งานแล้ว'],
  ] as const) {
    org
      .command(name)
      .description(active ? 'เปิดใช้งานองค์กรอีกครั้ง' : 'ปิดใช้งานองค์กร (เก็บข้อมูลไว้ทั้งหมด)')
      .argument('<code>', 'รหัสองค์กร', orgCode)
      .action(async (code: string) => {
        if (!(await withDatabase(() => setActive(code, active)))) {
          cli.complain(`ไม่พบองค์กรรหัส ${code}`);
          cli.fail();
          return;
        }
        cli.say(`${code}: ${done}`);
      });
  }
}
