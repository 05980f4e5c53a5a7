import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { TABLE_OWNERS } from './table-ownership';

const ROOT = path.resolve(__dirname, '../../../../..');
const API_LIBS = 'libs/api';
const MIGRATIONS = path.join(__dirname, 'migrations');

/**
 * Reads kept across a domain boundary because they must stay joined for performance. `references` is
 * exact: another mention of the table in the same file fails as surely as one anywhere else.
 */
const ALLOWED_READS: { file: string; table: string; references: number; why: string }[] = [
  {
    file: 'libs/api/inventory/src/lib/inventory.service.ts',
    table: 'product',
    references: 2,
    why:
      "GET /inventory/levels?lowOnly|state= pages by (store, product) over levels at or below the store's reorder point, else the " +
      "product's: the filter needs the product's point in the same statement, or a page could come back short or empty. " +
      'With includeZero the products a store never moved are there at 0: a state few of 100,000 products are in is found ' +
      'by one statement rather than by walking the catalog a batch at a time (37 s for the products screen).',
  },
  {
    file: 'libs/api/sales/src/lib/sales.service.ts',
    table: 'customer',
    references: 1,
    why:
      "GET /sales?q= matches part of the customer's name, newest sale first: an EXISTS per sale stops at the page's end, " +
      'where asking customers first would ship every matching customer id (unbounded) into the query.',
  },
];

interface TableReference {
  file: string;
  lib: string;
  table: string;
}

/** The text of every string and template literal in a source file; `${…}` becomes a blank. */
function sqlTextsOf(source: string): string[] {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) texts.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

const KEYWORD = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+/gi;
// A table (optionally `ONLY`, optionally in `public.`), not a column (`s.id`), with an optional alias.
const TABLE_ITEM = /^(?:ONLY\s+)?(?:public\.)?([a-z_][a-z0-9_]*)\b(?!\s*\.)(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?/i;

/** Known tables named after FROM, JOIN, INTO, UPDATE, DELETE FROM, TABLE or TRUNCATE, comma lists (`FROM a x, b y`) included. */
function tableReferencesIn(sql: string): string[] {
  const tables: string[] = [];
  for (const match of sql.matchAll(KEYWORD)) {
    let rest = sql.slice((match.index ?? 0) + match[0].length);
    for (;;) {
      const item = TABLE_ITEM.exec(rest);
      if (!item) break;
      const name = item[1].toLowerCase();
      if (name in TABLE_OWNERS) tables.push(name);
      const comma = /^\s*,\s*/.exec(rest.slice(item[0].length));
      if (!comma) break;
      rest = rest.slice(item[0].length + comma[0].length);
    }
  }
  return tables;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) return path.join(ROOT, relative) === MIGRATIONS ? [] : sourceFiles(relative);
    return /\.ts$/.test(entry.name) && !/\.(spec|integration-spec)\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const libs = readdirSync(path.join(ROOT, API_LIBS), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const filesByLib = new Map(libs.map((lib) => [lib, sourceFiles(`${API_LIBS}/${lib}/src`)]));

const references: TableReference[] = [...filesByLib].flatMap(([lib, files]) =>
  files.flatMap((file) =>
    sqlTextsOf(readFileSync(path.join(ROOT, file), 'utf8')).flatMap((sql) => tableReferencesIn(sql).map((table) => ({ file, lib, table }))),
  ),
);

describe('table ownership', () => {
  it('gives every table the migrations create an owner, and owns no table they do not create', () => {
    const created = readdirSync(MIGRATIONS)
      .filter((name) => /^\d+-.+\.ts$/.test(name))
      .flatMap((name) => [...readFileSync(path.join(MIGRATIONS, name), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)])
      .map((match) => match[1]);
    expect(created.length).toBeGreaterThan(0);
    expect([...new Set(created)].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });

  it('lets each domain lib name only its own tables in SQL, apart from the allowed reads', () => {
    const counted = new Map<string, number>();
    const violations = references.filter(({ file, lib, table }) => {
      if (TABLE_OWNERS[table] === lib) return false;
      const key = `${file} ${table}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
      return !ALLOWED_READS.some((allowed) => allowed.file === file && allowed.table === table);
    });
    expect(violations.map(({ file, table }) => `${file} names ${table}, owned by ${TABLE_OWNERS[table]}`)).toEqual([]);
    expect(ALLOWED_READS.map(({ file, table, references }) => [file, table, counted.get(`${file} ${table}`) ?? 0, references])).toEqual(
      ALLOWED_READS.map(({ file, table, references }) => [file, table, references, references]),
    );
  });

  it('finds table references in every lib that runs SQL, so it cannot pass by seeing nothing', () => {
    const runsSql = libs.filter((lib) =>
      (filesByLib.get(lib) ?? []).some((file) => /\.query\(|queryRows(<[^>]*>)?\(/.test(readFileSync(path.join(ROOT, file), 'utf8'))),
    );
    const owners = [...new Set(Object.values(TABLE_OWNERS))];
    // The database lib's own statements set session settings; its migrations are the schema, not a domain's SQL.
    expect(runsSql.sort()).toEqual([...owners, 'database'].sort());
    expect(owners.filter((owner) => !references.some((reference) => reference.lib === owner))).toEqual([]);
  });

  describe('the SQL scan', () => {
    it('reads string and template literals, not comments or code', () => {
      const source = "// SELECT 1 FROM sale\nconst sql = `SELECT ${COLUMNS} FROM product p`;\nconst other = 'DELETE FROM customer';";
      expect(sqlTextsOf(source).flatMap(tableReferencesIn)).toEqual(['product', 'customer']);
    });

    it('finds tables after every keyword that names one, in any case', () => {
      expect(tableReferencesIn('select 1 from sale s join sale_line l on true left join public.product p on true')).toEqual(['sale', 'sale_line', 'product']);
      expect(tableReferencesIn('INSERT INTO register AS r (id) VALUES ($1)')).toEqual(['register']);
      expect(tableReferencesIn('UPDATE stock_level s SET on_hand = 1 FROM product p WHERE p.id = s.product_id')).toEqual(['stock_level', 'product']);
      expect(tableReferencesIn('DELETE FROM product_barcode WHERE true')).toEqual(['product_barcode']);
      expect(tableReferencesIn('ALTER TABLE customer ADD COLUMN x int; TRUNCATE ONLY audit_log')).toEqual(['customer', 'audit_log']);
    });

    it('finds every table of a comma list', () => {
      expect(tableReferencesIn('SELECT t.name FROM tenant t, store s, register r WHERE s.id = $1')).toEqual(['tenant', 'store', 'register']);
    });

    it('ignores functions, columns, lock clauses and words that are no table', () => {
      expect(
        tableReferencesIn(
          'SELECT extract(epoch FROM s.occurred_at) FROM unnest($1::uuid[]) ON CONFLICT DO UPDATE SET x = 1 FOR UPDATE OF s; taken from the store',
        ),
      ).toEqual([]);
    });
  });
});
