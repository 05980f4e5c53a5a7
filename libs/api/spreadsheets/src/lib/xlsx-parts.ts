/**
 * The fixed parts of a one-sheet .xlsx (SpreadsheetML, ECMA-376) and the escaping its XML needs. The sheet
 * itself is streamed by `XlsxSheetWriter`; it lives at `SHEET_PATH` and its cells use the styles `stylesXml`
 * declares (style 0 plain, style i + 1 the number format `numFmts[i]`).
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Custom number formats are numbered from 164 (lower ids are Excel's built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** Characters XML 1.0 cannot carry at all: dropped, as exceljs did. */
const NOT_IN_XML = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
/** Those, markup, and `_` where Excel would read `_xHHHH_` as an escape. */
const NEEDS_ESCAPE = new RegExp(`[&<>${NOT_IN_XML}]|_x[0-9A-Fa-f]{4}_`);
const ESCAPED_TEXT = new RegExp(`[&<>${NOT_IN_XML}]|_(?=x[0-9A-Fa-f]{4}_)`, 'g');
const ESCAPED_ATTRIBUTE = new RegExp(`[&<>"${NOT_IN_XML}]`, 'g');
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', _: '_x005F_' };
const escapeOne = (character: string) => ESCAPES[character] ?? '';

/** Text as the content of a `<t>` element. */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED_TEXT, escapeOne) : text;
}

/** Text as a double-quoted attribute value. */
export function xmlAttribute(text: string): string {
  return text.replace(ESCAPED_ATTRIBUTE, escapeOne);
}

/** An inline string cell (no shared-strings table to hold in memory); spaces at either end are kept. */
export function textCell(ref: string, text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** Column letters of a 0-based index: A … Z, AA … */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function stylesXml(numFmts: readonly string[]): string {
  const formats = numFmts.map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${xmlAttribute(code)}"/>`).join('');
  const styles = numFmts
    .map((_, i) => `<xf numFmtId="${FIRST_CUSTOM_FORMAT + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join('');
  return (
    `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
    (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${formats}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${numFmts.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${styles}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** Every part but the sheet, as [path in the zip, content]. */
export function packageParts(sheetName: string, numFmts: readonly string[]): [string, string][] {
  const type = (part: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${part}+xml`;
  return [
    [
      '[Content_Types].xml',
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${type('sheet.main')}"/>` +
        `<Override PartName="/${SHEET_PATH}" ContentType="${type('worksheet')}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${type('styles')}"/>` +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${xmlAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', stylesXml(numFmts)],
  ];
}

/** The sheet up to its first row: the header row frozen, then the columns' widths and styles. */
export function sheetStart(columns: readonly { width: number; style: number }[]): string {
  const cols = columns.map(({ width, style }, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"${style ? ` style="${style}"` : ''}/>`);
  return (
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '') +
    '<sheetData>'
  );
}

export const SHEET_END = '</sheetData></worksheet>';
