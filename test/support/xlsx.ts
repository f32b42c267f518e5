import ExcelJS from 'exceljs';

/** The text of every cell of a workbook's first sheet, row by row: what a reader of the download sees. */
export async function cellsOf(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  return cells;
}
