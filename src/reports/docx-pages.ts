import JSZip from 'jszip';
import { withComputedPages } from './computed-pages.js';
import { lineHeight, wrapLines } from './text-measure.js';

/**
 * The pages a Word document fills, laid out from its own XML as LibreOffice and Word lay it out: paragraphs
 * wrapped in the report font at their width, size and spacing; table rows as tall as their tallest cell, a
 * row marked cantSplit moved whole to the next page, the header rows repeated, a heading kept with what
 * follows it. Reading the file rather than a builder's figures keeps every DOCX report's count honest,
 * whoever writes its builder.
 */

const num = (xml: string, tag: string, name: string): number | undefined => {
  const v = new RegExp(`<${tag}\\b[^>]*\\b${name}="(-?\\d+)"`).exec(xml)?.[1];
  return v === undefined ? undefined : Number(v);
};
const has = (xml: string, tag: string): boolean => new RegExp(`<${tag}(?:/>|\\s(?![^>]*w:val="(?:0|false|off)")[^>]*/?>)`).test(xml);
const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Block {
  /** Heights of its lines, in points, each with what must stay above it on the same page. */
  height: number;
  lineHeight: number;
  /** Points before the first line and after the last. */
  before: number;
  after: number;
  keepNext: boolean;
  pageBreakBefore: boolean;
}

/** A paragraph's height at `width` points: its lines, each as tall as its largest text, plus spacing. */
function paragraph(xml: string, width: number, defaultSize: number): Block {
  const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml)?.[0] ?? '';
  const runs = [...xml.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map((m) => m[0]);
  const sizes = runs.map((r) => (num(r, 'w:sz', 'w:val') ?? defaultSize * 2) / 2);
  const pSize = num(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(pPr)?.[0] ?? '', 'w:sz', 'w:val');
  const size = sizes.length > 0 ? Math.max(...sizes) : pSize ? pSize / 2 : defaultSize;
  const bold = runs.some((r) => has(r, 'w:b'));
  // A page number field is a figure or two.
  const text = decode(runs.map((r) => [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>|<w:fldChar\b/g)].map((m) => m[1] ?? (m[2] === 'br' ? '\n' : m[2] ? ' ' : '00')).join('')).join(''));
  const left = num(pPr, 'w:ind', 'w:left') ?? num(pPr, 'w:ind', 'w:start') ?? 0;
  const right = num(pPr, 'w:ind', 'w:right') ?? num(pPr, 'w:ind', 'w:end') ?? 0;
  const firstLine = (num(pPr, 'w:ind', 'w:firstLine') ?? 0) - (num(pPr, 'w:ind', 'w:hanging') ?? 0);
  const available = width - (left + right) / 20;
  const style = { size, bold };
  let lines = wrapLines(text, available, style).length;
  if (firstLine > 0 && text && wrapLines(text, available - firstLine / 20, style).length > lines) lines += 1;
  const rule = /<w:spacing\b[^>]*w:lineRule="(\w+)"/.exec(pPr)?.[1];
  const line = num(pPr, 'w:spacing', 'w:line');
  const single = lineHeight(style);
  const pitch = line === undefined ? single : rule === 'exact' || rule === 'atLeast' ? Math.max(rule === 'exact' ? 0 : single, line / 20) : (single * line) / 240;
  return {
    height: lines * pitch,
    lineHeight: pitch,
    before: (num(pPr, 'w:spacing', 'w:before') ?? 0) / 20,
    after: (num(pPr, 'w:spacing', 'w:after') ?? 0) / 20,
    keepNext: has(pPr, 'w:keepNext'),
    pageBreakBefore: has(pPr, 'w:pageBreakBefore'),
  };
}

const stack = (blocks: Block[]): number => blocks.reduce((h, b) => h + b.before + b.height + b.after, 0);

interface Row {
  height: number;
  header: boolean;
  cantSplit: boolean;
  lineHeight: number;
  margins: number;
}

function tableRows(xml: string, defaultSize: number): Row[] {
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const tblPr = /<w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(xml)?.[0] ?? '';
  const tableMargins = /<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(tblPr)?.[0] ?? '';
  // The rule between rows takes its width (eighths of a point) of the row's height.
  const rule = (num(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(tblPr)?.[0] ?? '', 'w:insideH', 'w:sz') ?? 0) / 8;
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => {
    const trPr = /<w:trPr>[\s\S]*?<\/w:trPr>/.exec(tr[0])?.[0] ?? '';
    let column = 0;
    let height = 0;
    let pitch = lineHeight({ size: defaultSize });
    let margins = 0;
    for (const tc of tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const span = num(tc[0], 'w:gridSpan', 'w:val') ?? 1;
      const twips = grid.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      const mar = /<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(tc[0])?.[0] ?? tableMargins;
      const side = (a: string, b: string) => num(mar, `w:${a}`, 'w:w') ?? num(mar, `w:${b}`, 'w:w') ?? 108;
      const vertical = ((num(mar, 'w:top', 'w:w') ?? 0) + (num(mar, 'w:bottom', 'w:w') ?? 0)) / 20;
      const width = (twips - side('left', 'start') - side('right', 'end')) / 20;
      const blocks = [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((p) => paragraph(p[0], width, defaultSize));
      const h = stack(blocks) + vertical;
      if (h > height) {
        height = h;
        pitch = Math.max(...blocks.map((b) => b.lineHeight));
        margins = vertical;
      }
    }
    const min = num(trPr, 'w:trHeight', 'w:val');
    return { height: Math.max(height + rule, (min ?? 0) / 20), header: has(trPr, 'w:tblHeader'), cantSplit: has(trPr, 'w:cantSplit'), lineHeight: pitch, margins };
  });
}

/** The height text may fill and the width of a page of a section, in points. */
function frame(sectPr: string, footerHeight: number): { bodyHeight: number; width: number } {
  const pageWidth = (num(sectPr, 'w:pgSz', 'w:w') ?? 11906) / 20;
  const pageHeight = (num(sectPr, 'w:pgSz', 'w:h') ?? 16838) / 20;
  const margin = (side: string) => (num(sectPr, 'w:pgMar', `w:${side}`) ?? 1440) / 20;
  const footerDistance = (num(sectPr, 'w:pgMar', 'w:footer') ?? 708) / 20;
  return {
    bodyHeight: pageHeight - margin('top') - Math.max(margin('bottom'), footerHeight > 0 ? footerDistance + footerHeight : 0),
    width: pageWidth - margin('left') - margin('right'),
  };
}

/**
 * Pages of a document.xml whose default text size (points) is `defaultSize`, its footer `footerHeight` points
 * tall. A section (seed 004's landscape table after portrait prose) starts on a new page of its own size; its
 * properties sit in the paragraph that ends it, the last section's at the end of the body.
 */
export function documentPages(document: string, defaultSize: number, footerHeight: number): number {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
  const parts = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
  const sectionOf = (xml: string) => /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0];
  const last = [...body.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].at(-1)?.[0] ?? '';
  // The section each part belongs to: the one the next section-ending paragraph (or the body) closes.
  const sections: { id: number; xml: string }[] = [];
  for (let i = parts.length - 1, current = { id: 0, xml: last }; i >= 0; i--) {
    const own = parts[i]!.startsWith('<w:tbl>') ? undefined : sectionOf(parts[i]!);
    if (own) current = { id: current.id + 1, xml: own };
    sections[i] = current;
  }
  let { bodyHeight, width } = frame(sections[0]?.xml ?? last, footerHeight);

  let pages = 1;
  let used = 0;
  const newPage = () => {
    pages++;
    used = 0;
  };
  /** Height that must share the page with a heading kept with part `j`. */
  const following = (j: number): number => {
    const part = parts[j];
    if (!part || sections[j]!.id !== sections[j - 1]?.id) return 0;
    if (part.startsWith('<w:tbl>')) {
      const rows = tableRows(part, defaultSize);
      const k = rows.findIndex((r) => !r.header);
      const header = rows.slice(0, k < 0 ? rows.length : k).reduce((h, r) => h + r.height, 0);
      const first = k < 0 ? undefined : rows[k]!;
      return header + (first ? (first.cantSplit ? first.height : Math.min(first.height, 2 * first.lineHeight + first.margins)) : 0);
    }
    const p = paragraph(part, width, defaultSize);
    return p.keepNext ? p.before + p.height + p.after + following(j + 1) : p.before + Math.min(p.height, 2 * p.lineHeight);
  };
  parts.forEach((part, i) => {
    if (i > 0 && sections[i]!.id !== sections[i - 1]!.id) {
      newPage();
      ({ bodyHeight, width } = frame(sections[i]!.xml, footerHeight));
    }
    if (part.startsWith('<w:tbl>')) {
      const rows = tableRows(part, defaultSize);
      const header = rows.filter((r, k) => r.header && rows.slice(0, k).every((x) => x.header)).reduce((h, r) => h + r.height, 0);
      rows.forEach((row, k) => {
        if (row.header && rows.slice(0, k).every((x) => x.header)) {
          if (used + row.height > bodyHeight && used > 0) newPage();
          used += row.height;
          return;
        }
        if (used + row.height <= bodyHeight) {
          used += row.height;
          return;
        }
        if (row.cantSplit) {
          newPage();
          used = header + row.height;
          return;
        }
        // Split between lines, each part with the cell's margins.
        let rest = row.height;
        while (used + rest > bodyHeight) {
          // Widow and orphan control: a part of fewer than two lines moves on with the rest.
          const fit = Math.floor((bodyHeight - used - row.margins) / row.lineHeight);
          const here = fit >= 2 ? fit * row.lineHeight : 0;
          if (here > 0) rest -= here;
          newPage();
          used = header;
          if (here > 0) rest += row.margins;
        }
        used += rest;
      });
      return;
    }
    const b = paragraph(part, width, defaultSize);
    if (b.pageBreakBefore && used > 0) newPage();
    if (/<w:br\b[^>]*w:type="page"/.test(part)) {
      newPage();
      return;
    }
    // A heading kept with what follows moves with it: the next heading of a chain, then the first lines of
    // a paragraph, or a table's header and first row.
    const need = b.before + b.height + (b.keepNext ? following(i + 1) : 0);
    if (used + need > bodyHeight && used > 0 && (b.keepNext || b.height <= 2 * b.lineHeight)) newPage();
    let rest = b.before + b.height;
    while (used + rest > bodyHeight) {
      const here = Math.floor((bodyHeight - used) / b.lineHeight) * b.lineHeight;
      rest -= Math.max(here, 0);
      newPage();
      if (here <= 0) break;
    }
    used += rest + b.after;
  });
  return pages;
}

/** The document with its computed page count (`ComputedPages`) added. */
export async function withDocxPages(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const defaultSize = (num(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '', 'w:sz', 'w:val') ?? 24) / 2;
  let footerHeight = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n))) {
    const footer = await zip.file(name)!.async('string');
    const width = 500;
    const h = [...footer.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].reduce((sum, p) => {
      const b = paragraph(p[0], width, defaultSize);
      return sum + b.before + b.height + b.after;
    }, 0);
    footerHeight = Math.max(footerHeight, h);
  }
  return withComputedPages(file, documentPages(document, defaultSize, footerHeight));
}
