import { InvalidArgumentError, type Command } from 'commander';
import { monthKey } from '../domain/calendar.js';
import { formatThaiDate, toBuddhistYear } from '../domain/thai.js';
import { dayOfKey, isDayKey } from '../domain/working-days.js';
import { changeSetting } from '../db/settings-store.js';
import { CLI_ACTOR } from '../domain/admin-audit.js';
import { addDayOff, calendarOfYear, removeDayOff, type AddOutcome, type CalendarEntry, type RemoveOutcome } from '../holidays/load-calendar.js';
import { publicHolidays } from '../holidays/public-holidays.js';
import type { HolidayFile } from '../holidays/public-holidays.js';
import { fiscalYearArgument } from './arguments.js';
import type { CliContext } from './context.js';

/** Operator commands for days off: `holiday add | remove | list` (README, "Holidays"). */


function dateArgument(value: string): string {
  if (!isDayKey(value)) throw new InvalidArgumentError('ต้องเป็นวันที่แบบ ปี ค.ศ.-เดือน-วัน เช่น 2027-01-04');
  return value;
}

/** The same form as ORG_CODE. */
function orgArgument(value: string): string {
  if (!/^[a-z0-9-]{1,40}$/.test(value)) throw new InvalidArgumentError('รหัสองค์กรเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - ไม่เกิน 40 ตัว');
  return value;
}

const when = (date: string) => formatThaiDate(dayOfKey(date));
const scopeTh = (org: string | undefined) => (org ? `เฉพาะองค์กร ${org}` : 'ทุกองค์กร');

const SOURCE_TH: Record<CalendarEntry['source'], string> = {
  calendar: 'วันหยุดราชการ',
  all: 'เพิ่มโดยผู้ดูแล ทุกองค์กร',
  organisation: 'วันหยุดเฉพาะองค์กร',
  cancelled: 'ยกเลิกแล้ว เป็นวันทำงาน',
};
const STATUS_TH: Record<HolidayFile['status'], string> = {
  announced: 'ตามประกาศคณะรัฐมนตรี',
  compiled: 'รวบรวมจากประกาศคณะรัฐมนตรีและหลักการหยุดชดเชย',
  provisional: 'ฉบับร่าง ก่อนคณะรัฐมนตรีประกาศ อาจมีวันหยุดชดเชยหรือวันหยุดพิเศษเพิ่ม',
};

/** An organisation's own day off removed through the settings path; a public holiday is not its own to remove. */
async function removeOwnDayOff(orgId: string, date: string, now: Date): Promise<RemoveOutcome> {
  const outcome = await changeSetting(orgId, { key: 'dayOffRemove', date }, CLI_ACTOR, now);
  if (outcome.changed) return 'removed';
  return publicHolidays().some((h) => h.date === date) ? 'national' : 'none';
}

export function addHolidayCommands(program: Command, cli: CliContext): void {
  const { withDatabase } = cli;
  const holiday = program.command('holiday').description('วันหยุดราชการและวันหยุดขององค์กร ที่งานตามกำหนดเวลาข้ามไป (เช่น สรุปรายเดือนในวันทำงานแรกของเดือน)');

  holiday
    .command('add')
    .description('เพิ่มวันหยุด เช่น วันหยุดชดเชยหรือวันหยุดพิเศษที่ประกาศภายหลัง หรือวันหยุดขององค์กรเอง')
    .argument('<date>', 'วันที่ (ปี ค.ศ.) เช่น 2027-01-04', dateArgument)
    .argument('<name>', 'ชื่อวันหยุด เช่น "วันหยุดชดเชยวันสิ้นปี"')
    .option('--org <code>', 'เฉพาะองค์กรนี้ (ไม่ระบุ: ทุกองค์กร)', orgArgument)
    .action(async (date: string, name: string, o: { org?: string }) => {
      const title = name.trim();
      if (title.length === 0 || title.length > 200) throw new InvalidArgumentError('ชื่อวันหยุดต้องมี 1–200 ตัวอักษร');
      // An organisation's own day off is one of its settings: the same path as `ตั้งค่า` in LINE, logged.
      const outcome = await withDatabase(() =>
        o.org ? changeSetting(o.org, { key: 'dayOffAdd', date, name: title }, CLI_ACTOR, cli.now()).then((): AddOutcome => 'added') : addDayOff(date, title, null),
      );
      if (outcome === 'restored') cli.say(`คืนวันหยุดราชการ ${when(date)} แล้ว (ยกเลิกการยกเลิก)`);
      else cli.say(`เพิ่มวันหยุด ${when(date)} ${title} (${scopeTh(o.org)}) แล้ว`);
    });

  holiday
    .command('remove')
    .description('ลบวันหยุดที่เพิ่มไว้ หรือยกเลิกวันหยุดราชการในปฏิทิน (เช่น ครม. เลื่อนวันหยุด) ให้เป็นวันทำงาน')
    .argument('<date>', 'วันที่ (ปี ค.ศ.) เช่น 2027-01-04', dateArgument)
    .option('--org <code>', 'วันหยุดเฉพาะองค์กรนี้ (ไม่ระบุ: ทุกองค์กร)', orgArgument)
    .action(async (date: string, o: { org?: string }) => {
      const outcome = await withDatabase(() => (o.org ? removeOwnDayOff(o.org, date, cli.now()) : removeDayOff(date, null)));
      if (outcome === 'removed') cli.say(`ลบวันหยุด ${when(date)} (${scopeTh(o.org)}) แล้ว`);
      else if (outcome === 'cancelled') cli.say(`ยกเลิกวันหยุดราชการ ${when(date)} แล้ว วันนั้นเป็นวันทำงานของทุกองค์กร`);
      else {
        cli.fail();
        if (outcome === 'national') cli.complain(`${when(date)} เป็นวันหยุดราชการ ยกเลิกได้เฉพาะสำหรับทุกองค์กร (ไม่ต้องใส่ --org)`);
        else cli.complain(`${when(date)} ไม่มีวันหยุดที่เพิ่มไว้ (${scopeTh(o.org)}) จึงไม่มีอะไรให้ลบ`);
      }
    });

  holiday
    .command('list')
    .description('แสดงวันหยุดของปี: วันหยุดราชการในปฏิทิน วันที่ผู้ดูแลเพิ่มหรือยกเลิก และวันหยุดขององค์กร')
    .option('--year <year>', 'ปี พ.ศ. (ค่าเริ่มต้น: ปีปัจจุบัน)', fiscalYearArgument)
    .option('--org <code>', 'ปฏิทินขององค์กรนี้ (ค่าเริ่มต้น: ORG_CODE)', orgArgument)
    .action(async (o: { year?: number; org?: string }) => {
      const year = o.year ?? toBuddhistYear(Number(monthKey(cli.now()).slice(0, 4)));
      const { file, entries, orgId } = await withDatabase(async (deployment) => {
        const orgId = o.org ?? deployment;
        return { orgId, ...(await calendarOfYear(orgId, year)) };
      });
      cli.say(`วันหยุดปี พ.ศ. ${year} ขององค์กร ${orgId}`);
      cli.say(file ? `ปฏิทินวันหยุดราชการ: ${STATUS_TH[file.status]}` : `ยังไม่มีไฟล์ปฏิทินวันหยุดราชการของปี ${year} (holidays/${year}.json): มีเฉพาะวันที่ผู้ดูแลเพิ่ม`);
      for (const e of entries) cli.say(`${e.date}  ${when(e.date)}  ${e.name}  [${e.substitute && e.source === 'calendar' ? 'วันหยุดชดเชย' : SOURCE_TH[e.source]}]`);
    });
}
