import { InvalidArgumentError, type Command } from 'commander';
import { fiscalYearArgument, printImportProblems, printImportWarnings, scoreArgument } from './arguments.js';
import type { CliContext } from './context.js';
import { CLI_ACTOR } from '../domain/admin-audit.js';
import { indicatorYear, moveIndicatorTable, planItemKeys, saveIndicatorRow } from '../db/indicator-store.js';
import { measuresInTable } from '../db/measure-store.js';
import { latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { parsePeriod } from '../domain/fiscal-year.js';
import { chooseIndicatorItem, compareIndicatorItems, splitResponsible, type IndicatorRow } from '../domain/ita-indicators.js';
import { isItaIndicatorNumber, OIT_STATE_TH, oitState, type ItaIndicatorNumber } from '../domain/oit.js';
import { isStatus, parseStatus, STATUS_TH, type Status } from '../domain/statuses.js';
import { importIndicators, importOitItems, indicatorName, type OitImportResult } from '../oit-import/import-oit.js';

/** Operator commands for the OIT list and the plan's indicator items: `oit …` and `indicators …` (see README). */



function printImport(cli: CliContext, result: OitImportResult, what: string): void {
  if (!result.ok) {
    printImportProblems(cli, result.problems);
    return;
  }
  const verb = result.dryRun ? 'ตรวจสอบผ่าน (ยังไม่บันทึก)' : 'นำเข้าแล้ว';
  cli.say(`${verb}: ${what}เพิ่มใหม่ ${result.created} รายการ, ปรับปรุง ${result.updated} รายการ · ปีงบประมาณ ${result.fiscalYears.join(', ')}`);
  printImportWarnings(cli, result.warnings, result.dryRun);
}

export function addOitCommands(program: Command, cli: CliContext): void {
  const { withDatabase } = cli;
  const oit = program.command('oit').description('ข้อมูลเปิดเผยต่อสาธารณะ (OIT) ที่ต้องตอบในระบบ ITAS');
  oit
    .command('import')
    .description('นำเข้ารายการข้อ OIT ของปีงบประมาณจากไฟล์ .csv หรือ .xlsx (ดู examples/oit-2567.csv)')
    .argument('<file>', 'ไฟล์รายการข้อ OIT')
    .option('--dry-run', 'ตรวจสอบไฟล์โดยไม่บันทึก')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      printImport(cli, await withDatabase((orgId) => importOitItems(orgId, file, { dryRun: o.dryRun, actor: CLI_ACTOR, now: cli.now() })), 'ข้อ OIT ');
    });
  oit
    .command('status')
    .description('แสดงคำตอบ ผลการตรวจสอบ และผลตรวจลิงก์ของทุกข้อ')
    .option('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุดที่นำเข้า)', fiscalYearArgument)
    .action(async (o: { fiscalYear?: number }) => {
      await withDatabase(async (orgId) => {
        const fy = o.fiscalYear ?? (await latestOitYear(orgId));
        if (fy === null) return cli.say('ยังไม่มีรายการข้อ OIT สั่ง oit import ก่อน');
        for (const i of await oitItemsOfYear(orgId, fy)) {
          const a = i.answer;
          const link = i.urlCheck ? (i.urlCheck.ok ? 'ลิงก์ใช้ได้' : `ลิงก์เสีย (${i.urlCheck.problem})`) : '';
          cli.say([`${i.code}`, OIT_STATE_TH[oitState(i)], a ? (a.available ? 'มี' : 'ไม่มี') : '-', a?.url ?? '', link].filter(Boolean).join(' · '));
        }
      });
    });

  const indicators = program.command('indicators').description('คะแนนและแนวทางในการยกระดับตัวชี้วัด ITA ที่ 1–10');
  indicators
    .command('import')
    .description('นำเข้าตารางตัวชี้วัดจากไฟล์ .csv หรือ .xlsx (ดู examples/ita-indicators-2566.csv)')
    .argument('<file>', 'ไฟล์ตารางตัวชี้วัด')
    .option('--dry-run', 'ตรวจสอบไฟล์โดยไม่บันทึก')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      printImport(cli, await withDatabase((orgId) => importIndicators(orgId, file, { dryRun: o.dryRun, actor: CLI_ACTOR, now: cli.now() })), 'ตัวชี้วัด ');
    });
  indicators
    .command('list')
    .description('แสดงคะแนน แนวทาง และสถานะของรายการตัวชี้วัดในแผน')
    .option('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีของแผน หรือปีล่าสุดที่มีรายการตัวชี้วัด)', fiscalYearArgument)
    .action(async (o: { fiscalYear?: number }) => {
      await withDatabase(async (orgId) => {
        const fy = o.fiscalYear ?? (await indicatorYear(orgId, await activeFiscalYear(orgId)));
        const items = (await measuresInTable(orgId, fy, 'ita_indicator')).sort(compareIndicatorItems);
        if (items.length === 0) return cli.say(`ยังไม่มีรายการตัวชี้วัดของปีงบประมาณ ${fy} สั่ง indicators import หรือ import แผนก่อน`);
        for (const i of items) {
          cli.say(`${i.code} · ${i.title} · คะแนน ${i.score?.toFixed(2) ?? '-'} · ${STATUS_TH[i.status]}\n  แนวทาง: ${(i.guideline ?? '').replace(/\n/g, ' ') || '-'}`);
        }
      });
    });
  indicators
    .command('set')
    .description('แก้ไขคะแนน แนวทาง หรือความก้าวหน้าของรายการตัวชี้วัดหนึ่งรายการ (สร้างรายการใหม่เมื่อแผนยังไม่มี)')
    .requiredOption('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ.', fiscalYearArgument)
    .requiredOption('--number <n>', 'ตัวชี้วัดที่ 1–10', (v) => {
      const n = Number(v);
      if (!isItaIndicatorNumber(n)) throw new InvalidArgumentError('ต้องเป็น 1 ถึง 10');
      return n;
    })
    .option('--code <code>', 'รหัสรายการในแผน เมื่อแผนมีหลายรายการของตัวชี้วัดเดียวกัน')
    .option('--score <score>', 'คะแนน 0–100', scoreArgument)
    .option('--guideline <text>', 'แนวทางในการยกระดับการประเมิน')
    .option('--responsible <text>', 'ผู้รับผิดชอบ คั่นด้วย ;')
    .option('--period <text>', 'ระยะเวลา')
    .option('--progress <text>', 'ความก้าวหน้าผลการดำเนินการ')
    .option('--status <status>', 'ยังไม่ได้ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการแล้วเสร็จ | ไม่สามารถดำเนินการได้', (v) => {
      const s = parseStatus(v);
      if (!isStatus(s)) throw new InvalidArgumentError('ต้องเป็น ยังไม่ได้ดำเนินการ อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ หรือ ไม่สามารถดำเนินการได้');
      return s;
    })
    .action(async (o: { fiscalYear: number; number: ItaIndicatorNumber; code?: string; score?: number; guideline?: string; responsible?: string; period?: string; progress?: string; status?: Status }) => {
      const range = o.period ? parsePeriod(o.period, o.fiscalYear) : null;
      if (o.period && !range) throw new InvalidArgumentError(`อ่านระยะเวลา "${o.period}" ไม่ได้`);
      const row: IndicatorRow = {
        fiscalYear: o.fiscalYear,
        number: o.number,
        code: o.code ?? null,
        score: o.score ?? null,
        guideline: o.guideline ?? '',
        ...splitResponsible((o.responsible ?? '').split(/\s*;\s*/).filter(Boolean)),
        period: range && o.period ? { text: o.period, ...range } : null,
        progress: o.progress ?? '',
        status: o.status ?? null,
      };
      const message = await withDatabase(async (orgId) => {
        const target = chooseIndicatorItem(await planItemKeys(orgId, o.fiscalYear), row);
        if ('problem' in target) {
          cli.fail();
          return target.problem;
        }
        await saveIndicatorRow(orgId, { row, code: target.code, by: 'คำสั่ง indicators set', now: cli.now() });
        return `บันทึกแล้ว: ${target.code} ${indicatorName(o.number)} ปีงบประมาณ ${o.fiscalYear}${target.isNew ? ' (สร้างรายการใหม่ในแผน)' : ''}`;
      });
      cli.say(message);
    });
  indicators
    .command('migrate')
    .description('ย้ายตารางตัวชี้วัดแบบเดิมไปเป็นรายการตัวชี้วัดในแผน สั่งซ้ำได้โดยไม่ย้ายซ้ำ และระบบจะทำให้เองทุกครั้งที่เริ่มทำงาน')
    .action(async () => {
      const { moved, skipped } = await withDatabase(() => moveIndicatorTable(cli.now()));
      cli.say(`ย้ายแล้ว ${moved} แถว${skipped > 0 ? ` · ย้ายไม่ได้ ${skipped} แถว (รหัสตัวชี้วัดชนกับรายการอื่นในแผน)` : ''}`);
    });
}
