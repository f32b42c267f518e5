import { describe, expect, it } from 'vitest';
import { findCarriedOverText, moveYearsInText, type CarriedOverContext } from '../../src/domain/carried-over-text.js';
import { INDICATOR_COLUMNS, OIT_COLUMNS } from '../../src/oit-import/import-oit.js';
import { tableWarnings } from '../../src/plan-import/carried-over-warnings.js';
import { readTable } from '../../src/plan-import/read-table.js';
import { COLUMNS } from '../../src/plan-import/validate-plan.js';
import { DEMO_ORGANISATION } from '../../src/simulator/demo.js';

/** Seed 004's organisation, the demo's. */
const THESABAN = { organisation: { name: 'เทศบาลตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง' }, fiscalYear: 2568 };
/** Seed 000's: an อบต. of the same name in another province. */
const SAO = { organisation: { name: 'องค์การบริหารส่วนตำบลโพธิ์ทอง', district: 'ท่าศาลา', province: 'นครศรีธรรมราช' }, fiscalYear: 2567 };

const messages = (text: string, context: CarriedOverContext = THESABAN) => findCarriedOverText(text, context).map((m) => m.message);

describe('other organisations named in imported text', () => {
  it.each([
    // Seed 002 (อบต.เมืองไผ่), as the sample plan had carried it into seed 004's organisation's plan.
    ['เผยแพร่การดำเนินการขององค์การบริหารส่วนตำบลเมืองไผ่ให้ประชาชนทราบอย่างสม่ำเสมอ', 'องค์การบริหารส่วนตำบลเมืองไผ่'],
    ['ทั้งบอร์ดองค์การบริหารส่วนตำบลเมืองไผ่ เว็บไซต์', 'องค์การบริหารส่วนตำบลเมืองไผ่'],
    // Seed 003 (อบต.ชัยจุมพล): the name runs straight into the verb, and into "นั้น".
    ['ตามที่องค์การบริหารส่วนตำบลชัยจุมพลได้วิเคราะห์ผลการประเมิน', 'องค์การบริหารส่วนตำบลชัยจุมพล'],
    ['ความโปร่งใสภายในขององค์การบริหารส่วนตำบลชัยจุมพลนั้น', 'องค์การบริหารส่วนตำบลชัยจุมพล'],
    // Seed 000 itself carries another organisation's name (อบต.น้ำตก) in its own text.
    ['บนเว็บไซต์ขององค์การบริหารส่วนตำบลน้ำตกเรียบร้อยแล้ว', 'องค์การบริหารส่วนตำบลน้ำตก'],
    ['การดำเนินงานขององค์การบริหารส่วนตำบลน้ำตกประจำปีงบประมาณ', 'องค์การบริหารส่วนตำบลน้ำตก'],
    // Seed 001 (อบต.สระกระโจม).
    ['ณ ห้องประชุมองค์การบริหารส่วนตำบลสระกระโจม', 'องค์การบริหารส่วนตำบลสระกระโจม'],
    // The same place name, another organisation: seed 000's อบต.โพธิ์ทอง is not seed 004's เทศบาลตำบลโพธิ์ทอง.
    ['บอร์ดประจำหมู่บ้าน Facebook Line ของ อบต.โพธิ์ทอง', 'อบต.โพธิ์ทอง'],
    ['- องค์การบริหารส่วนตำบลโพธิ์ทองได้จัดทำผังขั้นตอนการให้บริการ', 'องค์การบริหารส่วนตำบลโพธิ์ทอง'],
    ['ประกาศในเว็บไซต์ อบต. เมืองไผ่', 'อบต.เมืองไผ่'],
    ['ประสานงานกับ ทม.อ่างทอง', 'ทม.อ่างทอง'],
    ['ศึกษาดูงานเทศบาลเมืองอ่างทอง', 'เทศบาลเมืองอ่างทอง'],
    // Text extracted from a PDF writes ำ as ํ + า.
    ['เว็บไซต์องค์การบริหารส่วนตําบลเมืองไผ่', 'องค์การบริหารส่วนตำบลเมืองไผ่'],
  ])('%s', (text, name) => {
    expect(messages(text)).toEqual([`กล่าวถึง ${name} ซึ่งไม่ใช่หน่วยงานนี้`]);
  });

  it("names another organisation's district and province", () => {
    expect(messages('เช่นเว็บไซด์ เทศบาลตำบลโพธิ์ทอง อำเภอท่าศาลา จังหวัดนครศรีธรรมราช facebook')).toEqual([
      'กล่าวถึง อำเภอท่าศาลา แต่หน่วยงานนี้อยู่อำเภอโพธิ์ทอง',
      'กล่าวถึง จังหวัดนครศรีธรรมราช แต่หน่วยงานนี้อยู่จังหวัดอ่างทอง',
    ]);
    expect(messages('อ.ดอนเจดีย์ จ.สุพรรณบุรี')).toEqual(['กล่าวถึง อ.ดอนเจดีย์ แต่หน่วยงานนี้อยู่อำเภอโพธิ์ทอง', 'กล่าวถึง จ.สุพรรณบุรี แต่หน่วยงานนี้อยู่จังหวัดอ่างทอง']);
  });

  it("says when a เทศบาล's text speaks of an อบต. without naming one (text written for another organisation)", () => {
    expect(messages('ให้หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลตรวจสอบข้อมูลความถูกต้อง')).toEqual(['กล่าวถึง องค์การบริหารส่วนตำบล แต่หน่วยงานนี้คือเทศบาลตำบลโพธิ์ทอง']);
    expect(messages('สามารถแจ้งความประสงค์ หรือข่าวสารให้กับทางอบต.ฯ ได้เป็นอย่างดี')).toEqual(['กล่าวถึง อบต. แต่หน่วยงานนี้คือเทศบาลตำบลโพธิ์ทอง']);
    expect(messages('พนักงานเทศบาลและสมาชิกสภาเทศบาล', SAO)).toEqual(['กล่าวถึง เทศบาล แต่หน่วยงานนี้คือองค์การบริหารส่วนตำบลโพธิ์ทอง']);
  });

  it.each([
    // Seed 004 about its own organisation, in every way it writes it.
    'เผยแพร่ในเว็บไซต์หลักของเทศบาลตำบลโพธิ์ทองเรียบร้อยแล้ว',
    'เทศบาลตำบลโพธิ์ทองได้แต่งตั้งคณะทำงาน',
    'ให้แก่บุคคลภายในเทศบาลตำบลโพธิ์ทองและสาธารณชนให้รับทราบ',
    'ช่องทาง website , facebook : ทต.โพธิ์ทอง',
    'เทศบาลตำบล โพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง',
    'งานพัฒนาชุมชน สำนักปลัดเทศบาล ร่วมกับคณะผู้บริหาร สมาชิกสภาเทศบาล และพนักงานเทศบาล',
    'ประสานงานกับองค์การบริหารส่วนจังหวัดอ่างทอง ที่ว่าการอำเภอ และผู้ว่าราชการจังหวัด',
    // A space after a word ends the phrase: what follows is no name.
    'การทุจริตและประพฤติมิชอบ ของผู้บริหาร พนักงานเทศบาล เจ้าหน้าที่ ลูกจ้าง',
    // Letters that only look like abbreviations.
    'มีความรับผิดชอบต่องานในหน้าที่รับผิดชอบ',
    'ผอ.กองคลัง และ จ.ส.อ.สมชาย รายงานต่อนายอำเภอ',
  ])('leaves the organisation\'s own name and ordinary words alone: %s', (text) => {
    expect(messages(text)).toEqual([]);
  });

  it("reads seed 000's text as its own organisation's, and seed 004's as another's", () => {
    for (const own of ['องค์การบริหารส่วนตำบลโพธิ์ทองได้รายงานผลการดำเนินงาน', 'การปฏิบัติงานขององค์การบริหารส่วนตำบลผ่านทางเว็บไซต์และ facebook', 'Facebook Line ของ อบต.โพธิ์ทอง', 'กล่องตอบโต้ข้อความใน Facebook องค์การบริหารส่วนตำบล กระดานสนทนา', 'อำเภอท่าศาลา จังหวัดนครศรีธรรมราช']) {
      expect(messages(own, SAO), own).toEqual([]);
    }
    expect(messages('บุคลากรในสังกัดเทศบาลตำบลโพธิ์ทอง', SAO)).toEqual(['กล่าวถึง เทศบาลตำบลโพธิ์ทอง ซึ่งไม่ใช่หน่วยงานนี้']);
  });

  it('compares no names for an organisation not yet described (named by its code), only its district and province when known', () => {
    const unnamed = { organisation: { name: 'import-org', district: '', province: 'อ่างทอง' }, fiscalYear: 2568 };
    expect(messages('องค์การบริหารส่วนตำบลเมืองไผ่ อำเภอนองกี่ จังหวัดบุรีรัมย์', unnamed)).toEqual(['กล่าวถึง จังหวัดบุรีรัมย์ แต่หน่วยงานนี้อยู่จังหวัดอ่างทอง']);
  });
});

describe('other fiscal years named in imported text', () => {
  it.each([
    ['ประชุมประชาคมการจัดทำแผนชุมชนหมู่บ้าน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', 'กล่าวถึง ปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ตามข้อบัญญัติงบประมาณรายจ่ายประจำปี พ.ศ. ๒๕๖๕', 'กล่าวถึง ปี พ.ศ. ๒๕๖๕ ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['- เป็นข้อมูลสถิติของปี พ.ศ.2566', 'กล่าวถึง ปี พ.ศ.2566 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['- เป็นข้อมูลของปี 2566', 'กล่าวถึง ปี 2566 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ระยะเวลาบังคับใช้ครอบคลุมปีพ.ศ.2567', 'กล่าวถึง ปีพ.ศ.2567 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ทบทวนแผนของปีงบฯ 66', 'กล่าวถึง ปีงบฯ 66 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ผลการดำเนินงานในปี 66 ดีขึ้น', 'กล่าวถึง ปี 66 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ปีงบประมาณ 2023', 'กล่าวถึง ปีงบประมาณ 2023 ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้'],
    ['ความก้าวหน้า ณ 31 มีนาคม 2567', 'กล่าวถึง 31 มีนาคม 2567 ซึ่งอยู่นอกปีงบประมาณ 2568'],
    ['ข้อมูล ณ วันที่ ๖ พ.ย. ๒๕๖๖', 'กล่าวถึง ๖ พ.ย. ๒๕๖๖ ซึ่งอยู่นอกปีงบประมาณ 2568'],
    // Seed 001's period of a measure of fiscal year 2568, which ends in the next one.
    ['๑ ตุลาคม - ๓๑ ธันวาคม ๒๕๖๘', 'กล่าวถึง ๓๑ ธันวาคม ๒๕๖๘ ซึ่งอยู่นอกปีงบประมาณ 2568'],
  ])('%s', (text, message) => {
    expect(messages(text)).toEqual([message]);
  });

  it('names each end of a period outside the year', () => {
    expect(messages('ดำเนินการ ต.ค. 66 - ก.ย. 67')).toEqual(['กล่าวถึง ต.ค. 66 ซึ่งอยู่นอกปีงบประมาณ 2568', 'กล่าวถึง ก.ย. 67 ซึ่งอยู่นอกปีงบประมาณ 2568']);
  });

  it.each([
    // Dates inside fiscal year 2568 (1 Oct 2567 – 30 Sep 2568), in the calendar year before its number.
    'เริ่ม ต.ค. 2567 เสร็จ ก.ย. 2568',
    'ต.ค. 67 - ก.ย. 68',
    '๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘',
    'ในปีงบประมาณ ๒๕๖๘ ไม่พบการร้องเรียน',
    'ประจำปีงบประมาณ พ.ศ. 2568',
    // The year's last reports are written in the quarter after it.
    'ข้อมูล ณ วันที่ 6 พฤศจิกายน 2568',
    'รายงานผลรอบ ๑๒ เดือน ภายในเดือนตุลาคม ๒๕๖๘',
    // Laws are cited by the year they were made.
    'ตามระเบียบกระทรวงการคลังว่าด้วยหลักเกณฑ์การปฏิบัติการควบคุมภายในสำหรับหน่วยงานของรัฐ พ.ศ. ๒๕๖๑ ข้อ ๕',
    'ประกาศตาม พ.ร.บ. การจัดซื้อจัดจ้างฯ พ.ศ. 2560 และ พ.ร.ป. ว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561',
    // A plan of several years that covers this one.
    'แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)',
    'แผนระยะ 5 ปี พ.ศ. 2566 - 2570',
    // Figures that are not years.
    'งบประมาณ 25,000 บาท เบิกจ่าย ๑๕,๐๐๐.๐๐ บาท คิดเป็นร้อยละ ๘๘.๗๕ ได้ 91.46 คะแนน',
    'ดำเนินการตามแผนได้ทั้งหมด จำนวน ๕๐ โครงการ ภายใน ๑๕ วัน',
    'ระยะเวลา 1 ปี 6 เดือน ทุกปี 2 ครั้ง อายุ 3 ปี 10 เดือน',
    'เดือนละ 1 ครั้ง รอบ ๖ เดือน และ ๑๒ เดือน',
  ])('leaves alone: %s', (text) => {
    expect(messages(text)).toEqual([]);
  });

  it('lets an OIT list name the year before, as ITAS asks for last year\'s reports, and no earlier', () => {
    const oit = { ...THESABAN, fiscalYear: 2567, alsoYears: [2566] };
    expect(messages('ผลการดำเนินงานแต่ละโครงการ ของปี พ.ศ. 2566', oit)).toEqual([]);
    expect(messages('ผลการดำเนินงานแต่ละโครงการ ของปี พ.ศ. 2565', oit)).toEqual(['กล่าวถึง ปี พ.ศ. 2565 ซึ่งไม่ใช่ปีงบประมาณ 2567 ของแถวนี้']);
  });
});

describe('moving the years a text names', () => {
  it('moves fiscal years and dates in their own digits and form, and leaves laws\' years', () => {
    expect(moveYearsInText('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ และ ต.ค. 67 - ก.ย. 68', 2)).toBe('ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ และ ต.ค. 69 - ก.ย. 70');
    expect(moveYearsInText('ประกาศตาม พ.ร.บ. การจัดซื้อจัดจ้างฯ พ.ศ. 2560 ในปี พ.ศ. 2567 ณ 31 มีนาคม 2567', 3)).toBe('ประกาศตาม พ.ร.บ. การจัดซื้อจัดจ้างฯ พ.ศ. 2560 ในปี พ.ศ. 2570 ณ 31 มีนาคม 2570');
    expect(moveYearsInText('งบประมาณ 25,000 บาท ร้อยละ ๘๘.๗๕', 2)).toBe('งบประมาณ 25,000 บาท ร้อยละ ๘๘.๗๕');
  });
});

describe('the sample files', () => {
  const demo = DEMO_ORGANISATION;
  it('name only the demo organisation and each row\'s own fiscal year', async () => {
    const plan = await readTable('examples/plan-2568.csv');
    const planColumns = (['title', 'indicator', 'method', 'units', 'assignees', 'guideline', 'summary', 'outcome'] as const).map((f) => COLUMNS[f]);
    expect(tableWarnings(plan, demo, { text: planColumns, fiscalYear: COLUMNS.fiscalYear })).toEqual([]);
    // As the demo moves it into a later year.
    expect(tableWarnings(plan, demo, { text: planColumns, fiscalYear: COLUMNS.fiscalYear, yearsMoved: 2 })).toEqual([]);

    const oit = await readTable('examples/oit-2567.csv');
    expect(tableWarnings(oit, demo, { text: [OIT_COLUMNS.title, OIT_COLUMNS.description, OIT_COLUMNS.units], fiscalYear: OIT_COLUMNS.fiscalYear, yearsBefore: 1 })).toEqual([]);

    const indicators = await readTable('examples/ita-indicators-2566.csv');
    const indicatorColumns = [INDICATOR_COLUMNS.guideline, INDICATOR_COLUMNS.responsible, INDICATOR_COLUMNS.progress];
    expect(tableWarnings(indicators, demo, { text: indicatorColumns, fiscalYear: INDICATOR_COLUMNS.fiscalYear })).toEqual([]);
  });
});
