import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { wholeAuditLog } from '../db/admin-audit-store.js';
import { auditCsv } from '../domain/admin-audit-csv.js';
import { dayKey } from '../domain/calendar.js';
import type { CliContext } from './context.js';

/** `audit export`: the management log (`บันทึกการจัดการ` in LINE) as a CSV file for Excel. */
export function addAuditCommands(program: Command, cli: CliContext): void {
  const audit = program.command('audit').description('บันทึกการจัดการ: ใครนำเข้าไฟล์ เชิญ เปลี่ยนบทบาท เพิกถอนเจ้าหน้าที่ หรือเปลี่ยนการตั้งค่า เมื่อไร');
  audit
    .command('export')
    .description('ส่งออกบันทึกการจัดการทั้งหมดเป็นไฟล์ CSV (เปิดด้วย Excel ได้ ภาษาไทยไม่เพี้ยน)')
    .option('--out <file>', 'ไฟล์ที่จะเขียน (ค่าเริ่มต้น: management-log-<รหัสองค์กร>-<วันที่>.csv ในโฟลเดอร์ปัจจุบัน)')
    .action(async (o: { out?: string }) => {
      const { orgId, entries } = await cli.withDatabase(async (orgId) => ({ orgId, entries: await wholeAuditLog(orgId) }));
      const out = o.out ?? `management-log-${orgId}-${dayKey(cli.now())}.csv`;
      await writeFile(out, auditCsv(entries));
      cli.say(entries.length > 0 ? `เขียนบันทึกการจัดการ ${entries.length.toLocaleString('en-US')} รายการแล้ว: ${out}` : `ยังไม่มีบันทึกการจัดการ เขียนไฟล์ที่มีเฉพาะหัวตารางแล้ว: ${out}`);
    });
}
