import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Widths of text in the report font, as a word processor sets it. Guessing widths from character counts
 * broke Thai words mid-word ("ลำดั|บ") in narrow columns and left empty columns wide: only the font's own
 * advances say how wide a word prints. The font is TH Sarabun New, the file the `font-th-sarabun-new`
 * package ships; the reports name it (`REPORT_FONT`) so that what is measured here is what prints.
 */

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('font-th-sarabun-new/package.json')), 'fonts');
export const REPORT_FONT_FILES = {
  regular: path.join(fontDir, 'THSarabunNew-webfont.ttf'),
  bold: path.join(fontDir, 'THSarabunNew_bold-webfont.ttf'),
} as const;
export const REPORT_FONT_DIR = fontDir;

interface Face {
  unitsPerEm: number;
  /** Ascent plus descent over the em: what a line of single-spaced text takes, as LibreOffice and Word set it. */
  lineFactor: number;
  advance: (codePoint: number) => number;
}

const faces = new Map<'regular' | 'bold', Face>();

function face(weight: 'regular' | 'bold'): Face {
  let f = faces.get(weight);
  if (f) return f;
  const font = fontkit.openSync(REPORT_FONT_FILES[weight]) as fontkit.Font;
  const cache = new Map<number, number>();
  f = {
    unitsPerEm: font.unitsPerEm,
    lineFactor: (font.ascent - font.descent + font.lineGap) / font.unitsPerEm,
    advance: (cp) => {
      let a = cache.get(cp);
      if (a === undefined) {
        a = ZERO_WIDTH.test(String.fromCodePoint(cp)) ? 0 : font.glyphForCodePoint(cp).advanceWidth;
        cache.set(cp, a);
      }
      return a;
    },
  };
  faces.set(weight, f);
  return f;
}

// Thai vowel and tone marks sit above or below their consonant and take no width of their own.
const ZERO_WIDTH = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D\uFEFF]$/u;

export interface TextStyle {
  /** Points. */
  size: number;
  bold?: boolean;
}

/** Width of a line of text in points. */
export function textWidth(text: string, style: TextStyle): number {
  const f = face(style.bold ? 'bold' : 'regular');
  let units = 0;
  for (const ch of text) units += f.advance(ch.codePointAt(0)!);
  return (units / f.unitsPerEm) * style.size;
}

/** Height of one single-spaced line, in points (TH Sarabun New: about 1.94 × the size). */
export function lineHeight(style: TextStyle): number {
  return face(style.bold ? 'bold' : 'regular').lineFactor * style.size;
}

const THAI = /[\u0E00-\u0E7F]/u;
const OPENING = /^[([{“‘"'«]+$/u;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * The pieces a line may break between, each with the space that follows it. A space is a break chance, and so
 * is the point after a slash inside Thai ("มาตรการ/|กิจกรรม"); Thai words are found by `Intl.Segmenter`. A
 * run without Thai (an address, an English word, a figure) is one piece: it is never broken.
 */
export function pieces(line: string): { text: string; space: string }[] {
  const out: { text: string; space: string }[] = [];
  for (const m of line.matchAll(/(\S+)(\s*)/gu)) {
    const token = m[1]!;
    const space = m[2]!;
    if (!THAI.test(token)) {
      out.push({ text: token, space });
      continue;
    }
    const parts: string[] = [];
    let glueNext = false;
    for (const s of segmenter.segment(token)) {
      const seg = s.segment;
      const last = parts.at(-1);
      if (last === undefined) parts.push(seg);
      else if (glueNext || (!s.isWordLike && !OPENING.test(seg))) parts[parts.length - 1] = last + seg;
      else if (!THAI.test(seg) && !THAI.test(last)) parts[parts.length - 1] = last + seg;
      else parts.push(seg);
      // Punctuation stays with the word before it ("ต.ค.", "๑.", "มาตรการ/"), an opening bracket with the one after.
      glueNext = OPENING.test(seg);
    }
    parts.forEach((p, i) => out.push({ text: p, space: i === parts.length - 1 ? space : '' }));
  }
  return out;
}

/** The words of a text: what must never be broken across lines. */
export function words(text: string): string[] {
  return text.split('\n').flatMap((l) => pieces(l).map((p) => p.text));
}

/** The widest word of a text, in points. */
export function longestWordWidth(text: string, style: TextStyle): number {
  return Math.max(0, ...words(text).map((w) => textWidth(w, style)));
}

/**
 * The lines a text takes in a box `width` points wide, as LibreOffice and Word wrap it: each paragraph (a
 * line of the text) fills greedily, breaking between words; a word wider than the whole line alone is cut
 * where it overflows, since nothing else can be done with it.
 */
export function wrapLines(text: string, width: number, style: TextStyle): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let pendingSpace = '';
    for (const p of pieces(paragraph)) {
      const w = textWidth(p.text, style);
      const sw = textWidth(pendingSpace, style);
      if (line !== '' && lineWidth + sw + w > width) {
        out.push(line);
        line = '';
        lineWidth = 0;
      } else if (line !== '') {
        line += pendingSpace;
        lineWidth += sw;
      }
      if (line === '' && w > width) {
        // A single word wider than the line: cut it by characters.
        let rest = p.text;
        while (rest !== '' && textWidth(rest, style) > width) {
          let cut = 1;
          while (cut < rest.length && textWidth(rest.slice(0, cut + 1), style) <= width) cut++;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
        lineWidth = textWidth(rest, style);
      } else {
        line += p.text;
        lineWidth += w;
      }
      pendingSpace = p.space;
    }
    out.push(line);
  }
  return out;
}

/** How many lines `wrapLines` gives. */
export const lineCount = (text: string, width: number, style: TextStyle): number => wrapLines(text, width, style).length;
