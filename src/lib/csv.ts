/**
 * CSV for spreadsheets. Cells that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return) get a leading quote mark: names in Waldur are user input.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}

/**
 * One form for every exported file: what it is, of what (an offering's name, made safe for a
 * file name), and the day, e.g. `members-alpha-hpc-platform-2025-01-06.csv`.
 */
export function csvFileName(kind: string, subject: string | null, now = new Date()): string {
  const slug =
    subject === null
      ? ''
      : subject
          .normalize('NFKD')
          .replace(/[^\w\s-]/g, '')
          .trim()
          .toLowerCase()
          .replace(/[\s_-]+/g, '-')
          .slice(0, 60) || 'offering';
  return `${[kind, slug].filter(Boolean).join('-')}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Offers text to the user as a file download. */
export function downloadText(filename: string, parts: BlobPart[], type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
