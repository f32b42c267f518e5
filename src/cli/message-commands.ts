import { InvalidArgumentError, type Command } from 'commander';
import { loadMonthUse } from '../db/message-use-store.js';
import { organisationSettings } from '../db/organisation-store.js';
import { monthKey } from '../domain/calendar.js';
import { figures } from '../domain/figures.js';
import { messageUseText } from '../domain/message-use.js';
import type { CliContext } from './context.js';

function monthArgument(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new InvalidArgumentError('ต้องเป็นปี ค.ศ. และเดือน เช่น 2026-12');
  return `${m[1]}-${m[2]}`;
}

/** `messages`: the month's LINE messages as `สถิติข้อความ` shows them in LINE. */
export function addMessageCommands(program: Command, cli: CliContext): void {
  program
    .command('messages')
    .description('จำนวนข้อความ LINE ที่ระบบส่ง (นับโควตา) ของเดือน แยกตามประเภท เทียบกับโควตาและยอดที่ LINE นับ')
    .option('--month <yyyy-mm>', 'เดือน ค.ศ. เช่น 2026-12 (ค่าเริ่มต้น: เดือนนี้)', monthArgument)
    .action(async (o: { month?: string }) => {
      const current = monthKey(cli.now());
      const month = o.month ?? current;
      const text = await cli.withDatabase(async (orgId) => {
        const [use, settingsOf] = await Promise.all([loadMonthUse(orgId, month), organisationSettings()]);
        return messageUseText(use, month === current, figures(settingsOf(orgId).digits ?? undefined));
      });
      cli.say(text);
    });
}
