import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from './context.js';
import { fiscalYearArgument, printImportProblems, printImportWarnings } from './arguments.js';
import { DEFAULT_LEVEL_THRESHOLDS, parseThresholds } from '../domain/summary.js';
import { isReportKind, isScopeReport, produceReport, REPORT_KINDS, REPORT_TH } from '../reports/catalogue.js';
import { parseScope, scopeKey, scopeTh, type SupervisorScope } from '../domain/rollup.js';
import { loadConfig } from '../config.js';
import { changeStaffAccess, inviteStaff, staffOfOrganisation, type AccessChange, type AccessOutcome } from '../db/staff-admin-store.js';
import { CLI_ACTOR } from '../domain/admin-audit.js';
import { randomUUID } from 'node:crypto';
import { organisationSettings } from '../db/organisation-store.js';
import { deadEvents } from '../db/event-store.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { ROLE_TH, rolesTh, STAFF_ROLES, type StaffRole } from '../domain/roles.js';
import { formatChanges, importPlan } from '../plan-import/import-plan.js';
import { addOitCommands } from './oit-commands.js';
import { addHolidayCommands } from './holiday-commands.js';
import { addOrganisationCommands } from './org-commands.js';
import { addAuditCommands } from './audit-commands.js';
import { addMessageCommands } from './message-commands.js';
import { createOutbox } from '../outbox/create-outbox.js';
import { readLineQuota } from '../outbox/line-quota.js';
import { formatJobsStatus, jobsStatus } from '../jobs/status.js';
import { forOrganisation, JOB_NAMES, JOBS, jobSettings, type JobName } from '../jobs/registry.js';
import { resumeAbandonedRuns, runJob } from '../jobs/run-job.js';
import { createLineClient, type LineClient } from '../line/client.js';
import { applyRichMenu } from '../menus/apply-rich-menu.js';
import { installRichMenus, publicPageUrl } from '../menus/install-rich-menus.js';
import { RICH_MENU_TH, RICH_MENUS } from '../domain/rich-menus.js';
import { loadComplaintStatRows } from '../db/complaint-stats-store.js';
import { computeComplaintStatistics } from '../domain/complaint-statistics.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { complaintStatisticsTable } from '../reports/complaint-stats-text.js';
import { createTenants, lineConfigFor } from '../tenants/create.js';
import { createSealer } from '../security/crypto.js';

function scopeArgument(value: string): SupervisorScope {
  const scope = parseScope(value);
  if (!scope) throw new InvalidArgumentError('ต้องเป็น national, province:<จังหวัด> หรือ district:<จังหวัด>/<อำเภอ> เช่น province:อ่างทอง');
  return scope;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('ต้องเป็นตัวเลขมากกว่า 0');
  return n;
}

/** Where commander writes its own help and error messages. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Commander has already printed why (usage, a refused argument, help) and would have ended the process with this code. */
class CommanderExit extends Error {
  constructor(readonly exitCode: number) {
    super(`commander exit ${exitCode}`);
  }
}

/** Operator commands: `npm run cli -- <command>`. Output is Thai, for the organisation's admins. */
export function buildProgram(cli: CliContext, output: CliOutput): Command {
  const { withDatabase } = cli;
  const program = new Command('prongsai')
    .description('คำสั่งผู้ดูแลระบบโปร่งใส (Prongsai operator commands)')
    // Set before any command is added, so every subcommand inherits them: commander's own messages (usage, a refused
    // argument) go where the command's do, and it reports how it would exit instead of ending the process.
    .configureOutput({ writeOut: output.stdout, writeErr: output.stderr })
    .exitOverride((error) => {
      throw new CommanderExit(error.exitCode);
    });

  program
    .command('invite')
    .description('ออกรหัสเชิญแบบใช้ครั้งเดียว เพื่อเชื่อมบัญชี LINE ของเจ้าหน้าที่กับบทบาท')
    .addOption(new Option('--role <role...>', 'บทบาท (ระบุได้หลายบทบาท)').choices([...STAFF_ROLES]).makeOptionMandatory())
    .option('--unit <unit>', 'ส่วนราชการ เช่น "กองคลัง"')
    .option('--position <position>', 'ตำแหน่ง/งาน เช่น "นิติกร"')
    .option('--hours <hours>', 'อายุของรหัส (ชั่วโมง)', positiveNumber, 72)
    .option('--scope <scope>', 'ขอบเขตของหน่วยงานกำกับดูแล (เฉพาะ --role supervisor): national | province:<จังหวัด> | district:<จังหวัด>/<อำเภอ>', scopeArgument)
    .action(async (options: { role: StaffRole[]; unit?: string; position?: string; hours: number; scope?: SupervisorScope }) => {
      // A supervisor without a scope would see nothing, and a scope on any other role would mean nothing.
      if (options.role.includes('supervisor') !== !!options.scope) {
        cli.complain('บทบาท supervisor ต้องระบุ --scope และ --scope ใช้ได้กับบทบาท supervisor เท่านั้น');
        cli.fail();
        return;
      }
      const invite = await withDatabase((orgId) =>
        inviteStaff(orgId, { roles: options.role, unit: options.unit ?? null, position: options.position ?? null, scope: options.scope ? scopeKey(options.scope) : null, validHours: options.hours, actor: CLI_ACTOR, now: cli.now() }),
      );
      cli.say(`รหัสเชิญ: ${invite.code}`);
      cli.say(`บทบาท: ${options.role.map((r) => ROLE_TH[r]).join(', ')}${options.unit ? ` · ${options.unit}` : ''}${options.scope ? ` · ${scopeTh(options.scope)}` : ''}`);
      cli.say(`ใช้ได้ครั้งเดียว ถึง ${formatThaiDateTime(invite.expiresAt)} (${invite.expiresAt.toISOString()})`);
      cli.say(`ให้เจ้าหน้าที่พิมพ์ในแชต LINE: ลงทะเบียน ${invite.code}`);
    });

  program
    .command('import')
    .description('นำเข้าแผน/มาตรการประจำปีจากไฟล์ .csv หรือ .xlsx (ดู examples/plan-2568.csv)')
    .argument('<file>', 'ไฟล์แผน')
    .option('--dry-run', 'ตรวจสอบไฟล์โดยไม่บันทึก')
    .option('--without-results', 'นำเข้าเฉพาะแผน ไม่นำสถานะและผลการดำเนินการในไฟล์เข้ามา (เช่น เริ่มปีใหม่จากไฟล์ของปีก่อน)')
    .action(async (file: string, options: { dryRun?: boolean; withoutResults?: boolean }) => {
      const result = await withDatabase((orgId) => importPlan(orgId, file, { dryRun: options.dryRun, withoutResults: options.withoutResults, actor: CLI_ACTOR }));
      if (!result.ok) {
        printImportProblems(cli, result.problems);
        return;
      }
      const verb = result.dryRun ? 'ตรวจสอบผ่าน (ยังไม่บันทึก)' : 'นำเข้าแล้ว';
      const results = result.results > 0 ? ` · มีผลการดำเนินการในไฟล์ ${result.results} รายการ` : '';
      const toOit = result.toOitList > 0 ? ` · แถวที่เป็นข้อ OIT ${result.toOitList} แถว ${result.dryRun ? 'จะ' : ''}บันทึกแนวทางไว้ที่รายการ OIT` : '';
      cli.say(`${verb}: เพิ่มใหม่ ${result.created} รายการ, ปรับปรุง ${result.updated} รายการ${results}${toOit} · ปีงบประมาณ ${result.fiscalYear}`);
      const items = new Set(result.changes.map((c) => c.code)).size;
      cli.say(result.changes.length > 0 ? `สิ่งที่${result.dryRun ? 'จะ' : ''}เปลี่ยน ${items} รายการ:\n${formatChanges(result.changes)}` : 'รายการเดิมไม่มีอะไรเปลี่ยน');
      if (result.notInFile.length > 0) cli.say(`มีในระบบแต่ไม่มีในไฟล์นี้ (คงไว้ ไม่ได้ลบ): ${result.notInFile.join(', ')}`);
      printImportWarnings(cli, result.warnings, result.dryRun);
    });

  program
    .command('events')
    .description('แสดงเหตุการณ์จาก LINE ที่ประมวลผลไม่สำเร็จ (dead) เพื่อให้ผู้ดูแลตรวจสอบ')
    .action(async () => {
      const dead = await withDatabase((orgId) => deadEvents(orgId, 50));
      if (dead.length === 0) cli.say('ไม่มีเหตุการณ์ที่ค้างอยู่');
      for (const e of dead) cli.say(`${e._id} · ${e.type} · ${formatThaiDateTime(e.receivedAt)} · ลอง ${e.attempts} ครั้ง · ${e.lastError ?? ''}`);
    });

  const staff = program.command('staff').description('บัญชีเจ้าหน้าที่ที่เชื่อม LINE แล้ว');

  staff
    .command('list')
    .description('แสดงเจ้าหน้าที่ทั้งหมด พร้อมรหัสสำหรับเพิกถอน')
    .action(async () => {
      const people = await withDatabase((orgId) => staffOfOrganisation(orgId));
      if (people.length === 0) cli.say('ยังไม่มีเจ้าหน้าที่ลงทะเบียน');
      for (const p of people) {
        cli.say(`${p.id} · ${p.name || '-'}${p.officialPosition ? ` · ${p.officialPosition}` : ''} · ${rolesTh(p.roles) || '-'}${p.unit ? ` · ${p.unit}` : ''}${p.scope ? ` · ${p.scope}` : ''}${p.active ? '' : ' · (เพิกถอนแล้ว)'}`);
      }
    });

  /**
   * Gives the person the menu of their roles now. The change stands whatever happens to the menu: a leftover
   * staff menu only offers commands that now refuse, and `rich-menu` relinks everyone.
   */
  async function relink(orgId: string, lineUserId: string, roles: readonly StaffRole[]): Promise<void> {
    let line: LineClient;
    try {
      const config = loadConfig(cli.env);
      line = createLineClient(await lineConfigFor(config, orgId, createSealer(config.DATA_ENCRYPTION_KEY)));
    } catch (error) {
      cli.complain(`ยังไม่ได้เปลี่ยนเมนูลัดของผู้ใช้นี้: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const outcome = await applyRichMenu({ orgId, line, log: cli.log }, lineUserId, roles);
    if (outcome.result === 'unlinked') cli.say('ผู้ใช้นี้กลับไปเห็นเมนูลัดของประชาชนแล้ว');
    else if (outcome.result === 'linked') cli.say(`ผู้ใช้นี้เห็น${RICH_MENU_TH[outcome.menu]}แล้ว`);
    else if (outcome.result === 'failed') cli.complain('เปลี่ยนเมนูลัดของผู้ใช้นี้ไม่สำเร็จ (LINE ไม่ตอบรับ) สั่ง rich-menu ภายหลังเพื่อให้ทุกคนเห็นเมนูตามบทบาท');
  }

  /** A roles change or a revocation through the same guarded path as LINE's; false when nothing was changed. */
  async function changeAccess(orgId: string, id: string, change: AccessChange): Promise<Extract<AccessOutcome, { result: 'changed' }> | null> {
    const outcome = await changeStaffAccess(orgId, { staffId: id, change, actor: CLI_ACTOR, requestKey: `cli:${randomUUID()}`, now: cli.now() });
    const refusal: Record<Exclude<AccessOutcome['result'], 'changed'>, string> = {
      'not-found': 'ไม่พบเจ้าหน้าที่รหัสนี้',
      revoked: 'ผู้ใช้นี้ถูกเพิกถอนสิทธิ์ไปแล้ว',
      unchanged: 'บทบาทเหมือนเดิม จึงไม่ได้เปลี่ยน',
      stale: 'บทบาทของผู้ใช้นี้เพิ่งถูกเปลี่ยน กรุณาตรวจสอบด้วย staff list แล้วสั่งใหม่',
      'last-admin': 'ทำไม่ได้: ผู้ใช้นี้เป็นผู้ดูแลระบบคนสุดท้ายขององค์กร ต้องมีผู้ดูแลระบบอย่างน้อยหนึ่งคน เชิญผู้ดูแลระบบคนใหม่ก่อน',
      'not-admin': 'ทำไม่ได้',
      'needs-scope': 'บทบาทหน่วยงานกำกับดูแลต้องมีขอบเขต ให้ออกรหัสเชิญใหม่ด้วย invite --role supervisor --scope ...',
    };
    if (outcome.result === 'changed') return outcome;
    cli.complain(refusal[outcome.result]);
    if (outcome.result !== 'unchanged') cli.fail();
    return null;
  }

  staff
    .command('revoke')
    .description('เพิกถอนสิทธิ์เจ้าหน้าที่ทันที (เช่น ย้ายหรือออกจากหน่วยงาน) และคืนเมนูลัดของประชาชนให้ผู้ใช้นั้น (ผู้ดูแลระบบคนสุดท้ายเพิกถอนไม่ได้)')
    .argument('<staff-id>', 'รหัสจาก staff list')
    .action(async (id: string) => {
      await withDatabase(async (orgId) => {
        const done = await changeAccess(orgId, id, 'revoke');
        if (!done) return;
        cli.say('เพิกถอนสิทธิ์แล้ว ผู้ใช้นี้จะใช้คำสั่งของเจ้าหน้าที่ไม่ได้อีก');
        await relink(orgId, done.person.lineUserId, []);
      });
    });

  staff
    .command('roles')
    .description('เปลี่ยนบทบาทของเจ้าหน้าที่ (แทนที่บทบาทเดิมทั้งหมด) แล้วให้ผู้ใช้นั้นเห็นเมนูลัดตามบทบาทใหม่ (ผู้ดูแลระบบคนสุดท้ายจะเอาบทบาทผู้ดูแลระบบออกไม่ได้)')
    .argument('<staff-id>', 'รหัสจาก staff list')
    .addOption(new Option('--role <role...>', 'บทบาทใหม่ (ระบุได้หลายบทบาท)').choices([...STAFF_ROLES]).makeOptionMandatory())
    .action(async (id: string, options: { role: StaffRole[] }) => {
      await withDatabase(async (orgId) => {
        const done = await changeAccess(orgId, id, { roles: options.role });
        if (!done) return;
        cli.say(`เปลี่ยนบทบาทของ ${done.person.name} แล้ว`);
        cli.say(`เดิม: ${rolesTh(done.before)}`);
        cli.say(`ใหม่: ${rolesTh(done.after)}`);
        await relink(orgId, done.person.lineUserId, done.after);
      });
    });

  program
    .command('report')
    .description('ส่งออกรายงานทางการจากข้อมูลในระบบ')
    .argument('<kind>', REPORT_KINDS.join(' | '))
    .option('--fiscal-year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีที่กำลังรายงาน)', fiscalYearArgument)
    .option('--out <file>', 'ไฟล์ที่จะเขียน (ค่าเริ่มต้น: ชื่อมาตรฐานในโฟลเดอร์ปัจจุบัน)')
    .option('--arabic-digits', 'ใช้เลขอารบิกแทนเลขไทยในรายงาน Word/Excel ของ ITA')
    .option('--reporter <name>', 'ชื่อผู้รายงาน (E-PlanNACC; ใน LINE คือผู้บริหารที่ขอไฟล์)')
    .option('--position <position>', 'ตำแหน่งผู้รายงาน (E-PlanNACC)')
    .option('--scope <scope>', 'ขอบเขตของภาพรวม (rollup-xlsx): national | province:<จังหวัด> | district:<จังหวัด>/<อำเภอ>', scopeArgument)
    .action(async (kind: string, o: { fiscalYear?: number; out?: string; arabicDigits?: boolean; reporter?: string; position?: string; scope?: SupervisorScope }) => {
      if (!isReportKind(kind)) throw new InvalidArgumentError(`ไม่รู้จักรายงาน ${kind} (มี ${REPORT_KINDS.join(', ')})`);
      if (isScopeReport(kind) && !o.scope) throw new InvalidArgumentError(`รายงาน ${kind} ต้องระบุ --scope`);
      const thresholds = parseThresholds(cli.env.IMPLEMENTATION_LEVEL_THRESHOLDS ?? '') ?? DEFAULT_LEVEL_THRESHOLDS;
      const file = await withDatabase(async (orgId) =>
        produceReport(orgId, {
          kind,
          fiscalYear: o.fiscalYear,
          thaiDigits: o.arabicDigits ? false : undefined,
          digits: (await organisationSettings())(orgId).digits,
          thresholds,
          reporter: o.reporter ? { name: o.reporter, position: o.position ?? '' } : null,
          scope: o.scope ?? null,
        }),
      );
      const out = o.out ?? file.fileName;
      await writeFile(out, file.body);
      cli.say(`เขียน${REPORT_TH[kind]} แล้ว: ${out} (${file.body.length.toLocaleString('en-US')} ไบต์)`);
    });

  program
    .command('rich-menu')
    .description('สร้างเมนูลัด (rich menu) ทั้งห้าแบบจากโฟลเดอร์ rich-menu: ประชาชน (เมนูเริ่มต้นของทุกคน) เจ้าหน้าที่ผู้รายงาน ผู้รับเรื่องร้องเรียน ผู้บริหาร และผู้ดูแลระบบ')
    .option('--dir <folder>', 'โฟลเดอร์ที่มี <ชื่อเมนู>.json และ <ชื่อเมนู>.png', 'rich-menu')
    .action(async (o: { dir: string }) => {
      const config = loadConfig(cli.env);
      const result = await withDatabase(async (orgId) => {
        const orgConfig = await lineConfigFor(config, orgId, createSealer(config.DATA_ENCRYPTION_KEY));
        return installRichMenus({ orgId, config: orgConfig, line: createLineClient(orgConfig), log: cli.log }, o.dir);
      });
      cli.say('สร้างเมนูลัดแล้ว:');
      for (const name of RICH_MENUS) cli.say(`  ${RICH_MENU_TH[name]}: ${result.menus[name]}`);
      cli.say('ตั้งเมนูของประชาชนเป็นเมนูเริ่มต้นของผู้ใช้ทุกคนแล้ว');
      cli.say(`ปุ่มผลการดำเนินงานเปิด ${publicPageUrl(config, config.ORG_CODE)}`);
      if (!config.PUBLIC_BASE_URL) cli.say('ยังไม่ได้ตั้ง PUBLIC_BASE_URL: ตั้งเป็นที่อยู่ HTTPS ของบอตแล้วสั่ง rich-menu อีกครั้ง เพื่อให้ปุ่มนี้เปิดได้จากโทรศัพท์');
      cli.say(`ให้เจ้าหน้าที่ ${result.relinked} คนเห็นเมนูตามบทบาทแล้ว${result.relinkFailed > 0 ? ` · ไม่สำเร็จ ${result.relinkFailed} คน (สั่ง rich-menu ซ้ำภายหลังได้)` : ''}`);
      if (result.removed + result.removeFailed > 0) {
        cli.say(`ลบเมนูชุดเดิม ${result.removed} เมนู${result.removeFailed > 0 ? ` · ลบไม่สำเร็จ ${result.removeFailed} เมนู` : ''}`);
      }
    });

  const jobs = program.command('jobs').description('งานตามกำหนดเวลา: ติดตามผล สรุปรายเดือน เตือนรอบรายงาน');

  jobs
    .command('run')
    .description('สั่งงานทันที เสมือนเวลานั้น (แต่ละงานส่งได้ครั้งเดียวต่อรอบ) แล้วส่งข้อความในคิว')
    .argument('<job>', JOB_NAMES.join(' | '))
    .option('--now <iso>', 'ทำเสมือนเป็นเวลานี้ เช่น 2026-03-31T09:00:00+07:00', (v) => {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('ต้องเป็นวันเวลาแบบ ISO 8601');
      return d;
    })
    .action(async (name: string, options: { now?: Date }) => {
      if (!(JOB_NAMES as readonly string[]).includes(name)) throw new InvalidArgumentError(`ไม่รู้จักงาน ${name} (มี ${JOB_NAMES.join(', ')})`);
      const config = loadConfig(cli.env);
      await withDatabase(async () => {
        const sealer = createSealer(config.DATA_ENCRYPTION_KEY);
        const tenants = createTenants(config, sealer, cli.log);
        await tenants.refresh();
        // The organisation's own settings (thresholds, reminder days, digits), as a scheduled tick uses them.
        const own = (await organisationSettings())(config.ORG_CODE);
        const deps = forOrganisation(
          { settings: jobSettings(config), log: cli.log, sealer, instanceId: `cli-${process.pid}`, leaseSeconds: config.JOB_LEASE_SECONDS, clock: cli.now },
          config.ORG_CODE,
          own,
        );
        // A run an earlier process left half-way (killed, crashed) is finished first.
        for (const resumed of await resumeAbandonedRuns(Object.values(JOBS), deps)) cli.say(`ทำงานที่ค้างไว้ต่อจนเสร็จ: ${resumed.runId} (${resumed.status})`);
        const result = await runJob(JOBS[name as JobName], options.now ?? cli.now(), 'operator', deps);
        if (result.status === 'already') cli.say(`งานรอบนี้ทำไปแล้ว (${result.runId}, สถานะ ${result.state}) จึงไม่ส่งซ้ำ`);
        else if (result.status === 'failed') {
          cli.complain(`งานล้มเหลว: ${result.error}`);
          cli.fail();
        } else cli.say(`ทำงานแล้ว ${result.runId}: ผู้รับ ${result.recipients} คน, ข้อความ ${result.messages} ชุด`);
        const lineFor = (orgId: string) => tenants.lineFor(orgId);
        const { sender } = createOutbox({ config, lineFor, settingsOf: (orgId) => tenants.orgSettings(orgId), log: cli.log, sealer, instanceId: deps.instanceId, now: cli.now });
        const sent = await sender.drain();
        cli.say(`ส่งแล้ว ${sent.sent} · รอส่งใหม่ ${sent.retrying} · ล้มเหลว ${sent.failed}`);
        // LINE's count, now that the run's messages are out (as a scheduled run reads it).
        if (sent.sent > 0) await readLineQuota(config.ORG_CODE, lineFor(config.ORG_CODE), cli.now()).catch((error: unknown) => cli.log.warn({ err: error }, 'could not read LINE\'s message quota'));
      });
    });

  jobs
    .command('status')
    .description('แสดงการทำงานล่าสุดของแต่ละงาน และข้อความที่ค้างในคิว')
    .action(async () => {
      await withDatabase(async (orgId) => {
        const status = await jobsStatus(orgId);
        cli.say(formatJobsStatus(status));
      });
    });

  program
    .command('complaint-stats')
    .description('สถิติเรื่องร้องเรียนตามปีงบประมาณ (OIT O24): รายเดือน แยกประเภทและหมวด ระยะเวลา การตอบภายใน 15 วัน การเปิดเรื่องใหม่ คะแนนความพึงพอใจ')
    .option('--year <year>', 'ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีปัจจุบัน)', fiscalYearArgument)
    .action(async (options: { year?: number }) => {
      const now = cli.now();
      const fiscalYear = options.year ?? fiscalYearOf(now);
      const rows = await withDatabase((orgId) => loadComplaintStatRows(orgId, fiscalYear));
      cli.say(complaintStatisticsTable(computeComplaintStatistics(rows, fiscalYear, now)));
    });

  addOitCommands(program, cli);
  addHolidayCommands(program, cli);
  addOrganisationCommands(program, cli);
  addAuditCommands(program, cli);
  addMessageCommands(program, cli);

  return program;
}

/**
 * Runs one command line (without `node` and the script) to its end and answers the exit code it leaves; what it
 * prints goes to `output` and to `cli`'s `say`/`complain`. The process entry (main.ts) and the tests both use it.
 */
export async function runCli(args: readonly string[], cli: Omit<CliContext, 'fail'>, output: CliOutput): Promise<number> {
  let exitCode = 0;
  const program = buildProgram({ ...cli, fail: () => void (exitCode = 1) }, output);
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderExit) return error.exitCode;
    // A configuration problem, an unreadable file or a refused write: its message is the operator's one line.
    cli.complain(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
