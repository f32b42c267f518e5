import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isDayKey, type PublicHoliday } from '../domain/working-days.js';

/**
 * The public holidays of government offices shipped with the bot: `holidays/<B.E. year>.json`, one file per
 * year (holidays/README.md). The files are the source of truth; they are read once per process.
 */
export const HOLIDAY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../holidays');

const dayKey = z.string().refine(isDayKey, 'ต้องเป็นวันที่แบบ YYYY-MM-DD');
const holidayFile = z.object({
  year: z.number().int().min(2500).max(2700),
  /** compiled: from the cabinet's list and the rules, substitute days included; provisional: before the announcement. */
  status: z.enum(['announced', 'compiled', 'provisional']),
  note: z.string(),
  days: z.array(z.object({ date: dayKey, name: z.string().min(1), substitute: z.boolean().optional() })),
});
export type HolidayFile = z.infer<typeof holidayFile>;

let cached: HolidayFile[] | null = null;

/** Every shipped year, oldest first. A file that does not read as a holiday calendar stops the caller. */
export function holidayFiles(dir = HOLIDAY_DIR): HolidayFile[] {
  if (dir === HOLIDAY_DIR && cached) return cached;
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => {
      const parsed = holidayFile.safeParse(JSON.parse(readFileSync(resolve(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`ไฟล์วันหยุด holidays/${name} ไม่ถูกต้อง: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      const gregorian = String(parsed.data.year - 543);
      const stray = parsed.data.days.find((d) => !d.date.startsWith(`${gregorian}-`));
      if (`${parsed.data.year}.json` !== name || stray) throw new Error(`ไฟล์วันหยุด holidays/${name}: ชื่อไฟล์ต้องเป็นปี พ.ศ. ของไฟล์ และทุกวันต้องอยู่ในปี ค.ศ. ${gregorian} (พ.ศ. ${parsed.data.year})`);
      return parsed.data;
    });
  if (dir === HOLIDAY_DIR) cached = files;
  return files;
}

/** The shipped public holidays of every year. */
export function publicHolidays(): PublicHoliday[] {
  return holidayFiles().flatMap((f) => f.days);
}
