import {
  AlignmentType,
  Document,
  Footer,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { withDocxPages } from './docx-pages.js';
import { digitsFor, generatedLine, REPORT_FONT } from './report-text.js';

/** What the Word reports share: A4, 2 cm margins, TH Sarabun New in Thai, the generated-by line and page number. */

// Twentieths of a point. A4 is 11906 × 16838.
export const A4_SHORT = 11906;
export const A4_LONG = 16838;
export const MARGIN = 1134; // 2 cm

// Half-points: 16 pt body, 14 pt table, as the seeds print.
export const BODY_SIZE = 32;
export const TABLE_SIZE = 28;
export const TITLE_SIZE = 36;

/**
 * The document's languages: Thai is a complex script, so it goes in the complex-script slot, and Latin text
 * (addresses, English names) is English. Marking the Latin slot Thai made LibreOffice break English words
 * anywhere ("Facebo|ok", "Acco|unt").
 */
export const DOCX_LANGUAGE = { value: 'en-US', bidirectional: 'th-TH' } as const;

export function centred(text: string, size = BODY_SIZE, bold = true): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size })] });
}

export async function reportDocx(options: {
  title: string;
  landscape: boolean;
  thaiDigits: boolean;
  generatedAt: Date;
  children: FileChild[];
  /** A part printed on pages of its own in the other orientation (seed 004's wide table after its prose). */
  turned?: FileChild[];
}): Promise<Buffer> {
  const d = digitsFor(options.thaiDigits);
  const doc = new Document({
    creator: 'Prongsai',
    title: options.title,
    styles: {
      default: {
        document: {
          run: { font: REPORT_FONT, size: BODY_SIZE, language: DOCX_LANGUAGE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: options.landscape
              ? { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE }
              : { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
            // Word then prints page numbers in the same digits as the rest of the document. LibreOffice (7.4)
            // prints this format in Arabic digits, and reads the PAGE field's `\* ThaiArabic` switch as Thai
            // letters (ก, ข, ค …): no form of a DOCX gives it Thai page numbers, so Word's is kept.
            pageNumbers: { start: 1, formatType: options.thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${d(generatedLine(options.generatedAt))}  หน้า `, size: TABLE_SIZE }), new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE })],
              }),
            ],
          }),
        },
        children: options.children,
      },
      ...(options.turned ? [turnedSection(options.landscape, options.thaiDigits, options.generatedAt, options.turned)] : []),
    ],
  });
  // The pages it fills, computed from the document as laid out, go into the file (`ComputedPages`).
  return withDocxPages(await Packer.toBuffer(doc));
}

/** The pages after a change of orientation: page numbers carry on, the footer stays the same. */
function turnedSection(landscape: boolean, thaiDigits: boolean, generatedAt: Date, children: FileChild[]): ISectionOptions {
  const d = digitsFor(thaiDigits);
  return {
    properties: {
      page: {
        size: landscape
          ? { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.PORTRAIT }
          : { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        pageNumbers: { formatType: thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: `${d(generatedLine(generatedAt))}  หน้า `, size: TABLE_SIZE }), new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE })],
          }),
        ],
      }),
    },
    children,
  };
}
