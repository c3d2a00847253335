/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function core(text: string): string {
  return text.replace(/^'+/, '');
}

/**
 * Makes a text cell safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return — after any leading apostrophes — gets one more apostrophe in
 * front, so Excel, LibreOffice and Sheets show it as text instead of running it. Reversible with
 * {@link restoreCell}, so an export re-imports to the same value.
 *
 * @example
 * ```ts
 * neutraliseCell('=HYPERLINK("http://evil")'); // "'=HYPERLINK(\"http://evil\")"
 * neutraliseCell('Léa'); // 'Léa'
 * ```
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(core(text)) ? `'${text}` : text;
}

/**
 * Undoes {@link neutraliseCell}: drops the one apostrophe it added. Any other cell is returned
 * as it is.
 *
 * @example
 * ```ts
 * restoreCell("'+33 6 12 34 56 78"); // '+33 6 12 34 56 78'
 * restoreCell("l'atelier"); // "l'atelier"
 * ```
 */
export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(core(text)) ? text.slice(1) : text;
}
