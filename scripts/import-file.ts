// The file `npm run import` reads: a JSON array of aktualiseringar, or a CSV file with a header row
// whose columns are the aktualisering's fields (`kund.alder`, `progress.bemannadOn`, …). The lines
// are checked one by one later (api/import-insatser.ts); here only what makes the whole file
// unreadable stops it: it cannot be read or parsed, or a column is unknown.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { aktualiseringSchema } from '../domain';
import type { ImportLine } from '../api/import-insatser';

export class ImportFileError extends Error {}

type CellKind = 'boolean' | 'number' | 'text';

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

const kindOf = (schema: z.ZodType): CellKind => {
  const inner = unwrapped(schema);
  return inner instanceof z.ZodBoolean ? 'boolean' : inner instanceof z.ZodNumber ? 'number' : 'text';
};

/** Every column a CSV file may have, from the aktualisering's schema: `id`, …, `kund.alder`, …, `progress.bemannadOn`, …. */
export const CSV_COLUMNS: ReadonlyMap<string, CellKind> = new Map(
  Object.entries(aktualiseringSchema.shape).flatMap(([field, schema]): [string, CellKind][] => {
    const inner = unwrapped(schema);
    if (inner instanceof z.ZodObject) return Object.entries(inner.shape as Record<string, z.ZodType>).map(([sub, subSchema]) => [`${field}.${sub}`, kindOf(subSchema)]);
    return [[field, kindOf(schema)]];
  }),
);

/** A cell as the schema reads it; anything that is not a boolean or a number stays text, so the line's check names it. */
function cellValue(cell: string, kind: CellKind): unknown {
  if (kind === 'boolean' && /^(true|false)$/i.test(cell)) return cell.toLowerCase() === 'true';
  // A decimal comma too: Swedish spreadsheets write one.
  if (kind === 'number' && /^-?\d+([.,]\d+)?$/.test(cell)) return Number(cell.replace(',', '.'));
  return cell;
}

function csvLines(text: string): ImportLine[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // A spreadsheet set to Swedish saves with semicolons.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info` each record comes with where it ends in the file; the typings do not say so.
    rows = parse(text, { bom: true, delimiter, info: true, trim: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: true }) as unknown as typeof rows;
  } catch (error) {
    throw new ImportFileError(`not a CSV file: ${(error as Error).message}`);
  }
  const [header, ...records] = rows;
  if (!header) throw new ImportFileError('the file is empty: it needs a header row and one row per insats');
  const columns = header.record;
  const unknown = columns.filter((column) => !CSV_COLUMNS.has(column));
  if (unknown.length > 0) throw new ImportFileError(`unknown column ${unknown.map((column) => `"${column}"`).join(', ')}; the columns are ${[...CSV_COLUMNS.keys()].join(', ')}`);
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0) throw new ImportFileError(`column ${repeated.map((column) => `"${column}"`).join(', ')} appears twice`);

  return records.map(({ record, info }) => {
    // Cells out of place would be read into the wrong fields.
    if (record.length !== columns.length) {
      const id = record[columns.indexOf('id')];
      return { line: info.lines, value: id ? { id } : undefined, unreadable: `the row has ${record.length} cells, the header ${columns.length}` };
    }
    const value: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const cell = record[index]!;
      if (cell === '') return;
      const [field, sub] = column.split('.') as [string, string | undefined];
      const converted = cellValue(cell, CSV_COLUMNS.get(column)!);
      if (sub === undefined) value[field] = converted;
      else value[field] = { ...(value[field] as Record<string, unknown> | undefined), [sub]: converted };
    });
    return { line: info.lines, value };
  });
}

function jsonLines(text: string): ImportLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`not JSON: ${(error as Error).message}`);
  }
  // The body of POST /api/insatser/import is read too, so a request saved to a file imports as it is.
  const lines = Array.isArray(parsed) ? parsed : (parsed as { insatser?: unknown } | null)?.insatser;
  if (!Array.isArray(lines)) throw new ImportFileError('the JSON must be an array of aktualiseringar');
  return lines.map((value: unknown, index) => ({ line: index + 1, value }));
}

/** The file's lines: a CSV row's line in the file, or a JSON element's place from 1. */
export async function readImportFile(path: string): Promise<ImportLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ImportFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return jsonLines(text);
  if (extension === '.csv') return csvLines(text);
  throw new ImportFileError(`${path}: the file must end in .csv or .json`);
}
