import { InvalidArgumentError, type Command } from 'commander';
import { fiscalYearArgument, printImportProblems, printImportWarnings, scoreArgument } from './cli-support.js';
import { itaIndicatorsOfYear, latestIndicatorYear, latestOitYear, oitItemsOfYear, updateItaIndicator } from './db/oit-store.js';
import { isItaIndicatorNumber, OIT_STATE_TH, oitState, type ItaIndicator } from './domain/oit.js';
import { parseStatus, STATUS_TH } from './domain/statuses.js';
import { importIndicators, importOitItems, indicatorName, type OitImportResult } from './oit-import/import-oit.js';

/** Operator commands for the OIT list and the indicator table: `oit …` and `indicators …` (see README). */

type WithDatabase = <T>(work: (orgId: string) => Promise<T>) => Promise<T>;


function printImport(result: OitImportResult, what: string): void {
  if (!result.ok) {
    printImportProblems(result.problems);
    return;
  }
  const verb = result.dryRun ? 'ตรวจสอบผ่าน (ยังไม่บันทึก)' : 'นำเข้าแล้ว';
  console.log(`${verb}: ${what}เพิ่มใหม่ ${result.created} รายการ, ปรับปรุง ${result.updated} รายการ · ปีงบประมาณ ${result.fiscalYears.join(', ')}`);
  printImportWarnings(result.warnings, result.dryRun);
}

export function addOitCommands(program: Command, withDatabase: WithDatabase): void {
  const oit = program.command('oit').description('ข้อมูลเปิดเผยต่อสาธารณะ (OIT) ที่ต้องตอบในระบบ ITAS');
  oit
    .command('import')
    .description('นำเข้ารายการข้อ OIT ของปีงบประมาณจากไฟล์ .csv หรือ .xlsx (ดู examples/oit-2567.csv)')
    .argument('<file>', 'ไฟล์รายการข้อ OIT')
    .option('--dry-run', 'ตรวจสอบไฟล์โดยไม่บันทึก')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      printImport(await withDatabase((orgId) => importOitItems(orgId, file, { dryRun: o.dryRun })), 'ข้อ OIT ');
    });
  oit
    .command('status')
    .description('แสดงคำตอบ ผลการตรวจสอบ และผลตรวจลิงก์ของทุกข้อ')
    .option('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุดที่นำเข้า)', fiscalYearArgument)
    .action(async (o: { fiscalYear?: number }) => {
      await withDatabase(async (orgId) => {
        const fy = o.fiscalYear ?? (await latestOitYear(orgId));
        if (fy === null) return console.log('ยังไม่มีรายการข้อ OIT สั่ง oit import ก่อน');
        for (const i of await oitItemsOfYear(orgId, fy)) {
          const a = i.answer;
          const link = i.urlCheck ? (i.urlCheck.ok ? 'ลิงก์ใช้ได้' : `ลิงก์เสีย (${i.urlCheck.problem})`) : '';
          console.log([`${i.code}`, OIT_STATE_TH[oitState(i)], a ? (a.available ? 'มี' : 'ไม่มี') : '-', a?.url ?? '', link].filter(Boolean).join(' · '));
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
      printImport(await withDatabase((orgId) => importIndicators(orgId, file, { dryRun: o.dryRun })), 'ตัวชี้วัด ');
    });
  indicators
    .command('list')
    .description('แสดงคะแนน แนวทาง และความก้าวหน้าของแต่ละตัวชี้วัด')
    .option('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)', fiscalYearArgument)
    .action(async (o: { fiscalYear?: number }) => {
      await withDatabase(async (orgId) => {
        const fy = o.fiscalYear ?? (await latestIndicatorYear(orgId));
        if (fy === null) return console.log('ยังไม่มีตารางตัวชี้วัด สั่ง indicators import หรือ indicators set ก่อน');
        for (const i of await itaIndicatorsOfYear(orgId, fy)) {
          console.log(`${indicatorName(i.number)} · คะแนน ${i.score?.toFixed(2) ?? '-'} · ${STATUS_TH[i.status]}\n  แนวทาง: ${i.guideline.replace(/\n/g, ' ') || '-'}`);
        }
      });
    });
  indicators
    .command('set')
    .description('แก้ไขคะแนน แนวทาง หรือความก้าวหน้าของตัวชี้วัดหนึ่งตัว')
    .requiredOption('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ.', fiscalYearArgument)
    .requiredOption('--number <n>', 'ตัวชี้วัดที่ 1–10', (v) => {
      const n = Number(v);
      if (!isItaIndicatorNumber(n)) throw new InvalidArgumentError('ต้องเป็น 1 ถึง 10');
      return n;
    })
    .option('--score <score>', 'คะแนน 0–100', scoreArgument)
    .option('--guideline <text>', 'แนวทางในการยกระดับการประเมิน')
    .option('--responsible <text>', 'ผู้รับผิดชอบ')
    .option('--period <text>', 'ระยะเวลา')
    .option('--progress <text>', 'ความก้าวหน้าผลการดำเนินการ')
    .option('--status <status>', 'ยังไม่ได้ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการแล้วเสร็จ', (v) => {
      const s = parseStatus(v);
      if (s !== 'not_started' && s !== 'in_progress' && s !== 'completed') throw new InvalidArgumentError('ต้องเป็น ยังไม่ได้ดำเนินการ อยู่ระหว่างดำเนินการ หรือ ดำเนินการแล้วเสร็จ');
      return s;
    })
    .action(async (o: { fiscalYear: number; number: ItaIndicator['number']; score?: number; guideline?: string; responsible?: string; period?: string; progress?: string; status?: ItaIndicator['status'] }) => {
      const { fiscalYear, number, ...fields } = o;
      const saved = await withDatabase((orgId) => updateItaIndicator(orgId, fiscalYear, number, fields));
      console.log(`บันทึกแล้ว: ${indicatorName(saved.number)} ปีงบประมาณ ${saved.fiscalYear} · คะแนน ${saved.score?.toFixed(2) ?? '-'} · ${STATUS_TH[saved.status]}`);
    });
}
