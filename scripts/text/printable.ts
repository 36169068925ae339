/**
 * A file name or other text from the data repository, safe to print in a terminal or inside a
 * Markdown code span: control, line-separator and direction characters become « � » (they
 * could move the cursor, end the line or reorder what is shown), backticks become « ' ».
 */
export function printable(text: string): string {
  return text
    .replace(
      /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
      '\uFFFD',
    )
    .replace(/`/g, "'");
}
