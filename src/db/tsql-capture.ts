import fs from 'node:fs';
import path from 'node:path';
import { MssqlQueryCompiler, TopNode, type RootOperationNode, type SelectQueryNode, type ValueNode } from 'kysely';

/** Set to a folder to collect every data statement, compiled for SQL Server, for the T-SQL check. */
export const TSQL_CAPTURE_VARIABLE = 'IVO_TSQL_CAPTURE_DIR';

const compiler = new MssqlQueryCompiler();
const seen = new Set<string>();
const CHECKED_KINDS = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/**
 * Compiles a statement the way Kysely's SQL Server dialect would and appends it, once per
 * distinct text, to this process's file in the capture folder. Does nothing unless
 * IVO_TSQL_CAPTURE_DIR is set; raw `sql` fragments and schema statements are skipped, as they are
 * written for the embedded database only.
 */
export function captureForTsqlCheck(node: RootOperationNode | undefined): void {
  const folder = process.env[TSQL_CAPTURE_VARIABLE];
  if (!folder || !node || !CHECKED_KINDS.has(node.kind)) return;

  const text = normalizeParameters(compiler.compileQuery(asSqlServerWouldBuild(node), { queryId: 'tsql-capture' } as never).sql);
  if (seen.has(text)) return;
  seen.add(text);
  fs.mkdirSync(folder, { recursive: true });
  fs.appendFileSync(path.join(folder, `${process.pid}.jsonl`), `${JSON.stringify({ sql: text })}\n`);
}

/**
 * Rebuilds a statement the embedded database ran the way the SQL Server path builds it. Where the
 * code branches on the dialect, the branch that changes a statement's grammar is a page's row
 * limit (see fetchPage): `LIMIT` on SQLite and `TOP` on SQL Server. So a select with a plain
 * limit gets the same number as `TOP`. The other branch, the cases subgraph's cut-off date, only
 * wraps a subquery in `cast(… as date)` off SQLite, which the captured form does not show.
 */
function asSqlServerWouldBuild(node: RootOperationNode): RootOperationNode {
  if (node.kind !== 'SelectQueryNode') return node;
  const select = node as SelectQueryNode;
  if (!select.limit || select.offset || select.limit.limit.kind !== 'ValueNode') return node;
  const rows = (select.limit.limit as ValueNode).value as number;
  return { ...select, limit: undefined, top: TopNode.create(rows) } as SelectQueryNode;
}

/** Writes every parameter as `@p` and every list of them as two, so statements that differ only there count once. */
function normalizeParameters(text: string): string {
  return text.replace(/@\d+/g, '@p').replace(/\(@p(, @p)+\)/g, '(@p, @p)');
}
