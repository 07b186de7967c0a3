import fs from 'node:fs';
import path from 'node:path';
import { DummyDriver, Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkTsql } from '../../src/db/check-tsql.ts';

const captureDir = process.env.IVO_TSQL_CAPTURE_DIR as string;

/** Reads the distinct statements the main suite captured, compiled for SQL Server. */
function capturedStatements(): string[] {
  if (!fs.existsSync(captureDir)) return [];
  const statements = new Set<string>();
  for (const file of fs.readdirSync(captureDir)) {
    for (const line of fs.readFileSync(path.join(captureDir, file), 'utf8').split('\n')) {
      if (line) statements.add((JSON.parse(line) as { sql: string }).sql);
    }
  }
  return [...statements].sort();
}

// A Kysely instance that only compiles: SQL Server's compiler, no connection is ever made.
const compileOnly = new Kysely<any>({
  dialect: {
    createAdapter: () => new MssqlAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new MssqlIntrospector(db),
    createQueryCompiler: () => new MssqlQueryCompiler(),
  },
});

describe('SQL Server statements', () => {
  it('captured the suite’s statements', () => {
    const statements = capturedStatements();

    // On failure: run the main suite first (`npm test` does), which writes them.
    expect(statements.length).toBeGreaterThan(50);
    expect(statements.some((statement) => statement.includes('row_number() over'))).toBe(true);
    expect(statements.some((statement) => statement.startsWith('select top'))).toBe(true);
    expect(statements.some((statement) => statement.startsWith('update'))).toBe(true);
  });

  it('parse as T-SQL with sqlfluff', async () => {
    const problems = await checkTsql(capturedStatements());

    expect(problems).toEqual([]);
  });

  it.each(['care-register', 'cases', 'committees', 'users'])('%s views contract parses as T-SQL', async (name) => {
    const ddl = fs.readFileSync(new URL(`../../subgraphs/${name}/sqlserver-views.sql`, import.meta.url), 'utf8');

    expect(ddl).toContain('CREATE');
    expect(await checkTsql([ddl])).toEqual([]);
  });

  it('fail the check with a .limit()', async () => {
    const limited = compileOnly.selectFrom('tillsynsobjekt').select('id').orderBy('id').limit(5).compile().sql;
    const topped = compileOnly.selectFrom('tillsynsobjekt').select('id').orderBy('id').top(5).compile().sql;

    const problems = await checkTsql([limited, topped]);

    expect(problems.map((problem) => problem.sql)).toEqual([limited]);
  });
});
