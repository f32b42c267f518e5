import JSZip from 'jszip';

/**
 * The page count a report's layout computed, kept in the file as the custom document property `ComputedPages`
 * (docProps/custom.xml), where Word and LibreOffice show it under the file's properties and where
 * `npm run render-reports` compares it with a rendering.
 */

export const COMPUTED_PAGES = 'ComputedPages';

export async function withComputedPages(file: Buffer | Uint8Array, pages: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${COMPUTED_PAGES}"><vt:lpwstr>${pages}</vt:lpwstr></property>`;
  const existing = await zip.file('docProps/custom.xml')?.async('string');
  if (existing) {
    // Another property may hold pid 2: ours goes last with the next free number.
    const pid = Math.max(1, ...[...existing.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    const cleaned = existing
      .replace(new RegExp(`<property[^>]*name="${COMPUTED_PAGES}"[\\s\\S]*?</property>`), '')
      .replace(/<Properties([^>]*)\/>/, '<Properties$1></Properties>');
    zip.file('docProps/custom.xml', cleaned.replace('</Properties>', property.replace('pid="2"', `pid="${pid}"`) + '</Properties>'));
  } else {
    zip.file(
      'docProps/custom.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        property +
        '</Properties>',
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    if (!types.includes('/docProps/custom.xml')) {
      zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
    }
    const rels = await zip.file('_rels/.rels')!.async('string');
    if (!rels.includes('custom-properties')) {
      zip.file('_rels/.rels', rels.replace('</Relationships>', '<Relationship Id="rIdComputedPages" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'));
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The `ComputedPages` a file carries, or null. */
export async function computedPagesOf(file: Buffer | Uint8Array): Promise<number | null> {
  const custom = await (await JSZip.loadAsync(file)).file('docProps/custom.xml')?.async('string');
  const m = custom && new RegExp(`name="${COMPUTED_PAGES}"><vt:(?:lpwstr|i4)>(\\d+)<`).exec(custom);
  return m ? Number(m[1]) : null;
}
