import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One statement sqlfluff could not parse as T-SQL, with what it reported. */
export interface TsqlProblem {
  sql: string;
  report: string;
}

/**
 * Parses statements with sqlfluff's `tsql` dialect and returns those it cannot parse. Each
 * statement goes into its own file of one folder, so one sqlfluff run checks all of them and an
 * unparsable statement cannot hide the next. Kysely's `@1` parameters become `@p1`, since a T-SQL
 * variable name cannot start with a digit. Only parse errors count: no style rule is applied. Two
 * processes share the work.
 */
export async function checkTsql(statements: readonly string[]): Promise<TsqlProblem[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ivo-tsql-'));
  statements.forEach((statement, index) => {
    fs.writeFileSync(path.join(folder, `${String(index).padStart(6, '0')}.sql`), `${statement.replace(/@(\d+)/g, '@p$1')}\n`);
  });

  try {
    // Only L001 (trailing whitespace) is selected, because sqlfluff reports parse errors (PRS) whatever rules are chosen.
    const output = await run('sqlfluff', ['lint', '--dialect', 'tsql', '--rules', 'L001', '--format', 'json', '--nofail', '--processes', '2', folder], { maxBuffer: 256 * 1024 * 1024 }).then(
      (result) => result.stdout,
      (error: { code?: number | string }) => {
        if (error.code === 'ENOENT') throw new Error('sqlfluff is not installed: run "apt-get install sqlfluff" (Debian) to check T-SQL.');
        throw error;
      },
    );

    const files = JSON.parse(output) as { filepath: string; violations: { code: string; line_no: number; line_pos: number; description: string }[] }[];
    return files.flatMap((file) => {
      const parseErrors = file.violations.filter((violation) => violation.code === 'PRS');
      if (parseErrors.length === 0) return [];
      const index = Number(path.basename(file.filepath, '.sql'));
      return [{ sql: statements[index] ?? file.filepath, report: parseErrors.map((error) => `position ${error.line_pos}: ${error.description}`).join('; ') }];
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
