/**
 * Several independent read queries as ONE Cypher query: each runs unchanged as an `OPTIONAL CALL`
 * subquery, its rows collected into a list column. One Bolt exchange and one transaction in Neo4j
 * instead of one per query, which is what a GraphQL page's loaders otherwise cost (the actor, its
 * bonds, its participations...). Parameters are renamed per subquery (`$ids` → `$b1_ids`), so two
 * queries may use the same names with different values.
 *
 * A query can be bundled when the columns of its last top-level RETURN can be read from its text
 * (every item a variable or `… AS name`); `bundleColumns` returns null otherwise and the caller runs
 * it alone. A subquery row whose columns are all null is taken for "no row" (that is what
 * `OPTIONAL CALL` yields for none): loader queries always return a key column, so they never
 * produce such a row.
 */

const KEYWORD_END = /^(ORDER\s+BY|SKIP|LIMIT|OFFSET|UNION)\b/i;

/**
 * Cypher text without its comments, each `$param` outside strings passed through `rename`
 * (strings are copied as they are).
 */
function rewrite(source: string, rename: (param: string) => string = (p) => p): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else {
      const m = c === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i, i + 100)) : null;
      out += m ? '$' + rename(m[1]) : c;
      i += m ? m[0].length : 1;
    }
  }
  return out;
}

/** Calls `visit` with each index of `text` at bracket depth 0 outside strings; stops when it returns true. */
function eachTopLevel(text: string, visit: (i: number) => boolean | void): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && visit(i)) return;
  }
}

/** Splits at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  eachTopLevel(text, (i) => {
    if (text[i] === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  });
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** Cuts the RETURN body at its first top-level ORDER BY / SKIP / LIMIT / UNION. */
function returnBody(text: string): string {
  let end = text.length;
  eachTopLevel(text, (i) => {
    if (/\s/.test(text[i]) && KEYWORD_END.test(text.slice(i + 1))) {
      end = i;
      return true;
    }
  });
  return text.slice(0, end);
}

const columnCache = new Map<string, string[] | null>();

/** The result columns of a read query, or null when they cannot be read from its text. */
export function bundleColumns(text: string): string[] | null {
  let cols = columnCache.get(text);
  if (cols !== undefined) return cols;
  cols = null;
  const clean = rewrite(text);
  // The query's own RETURN: the last one at bracket depth 0 (not in a subquery or a string).
  let last = -1;
  eachTopLevel(clean, (i) => {
    if ((clean[i] === 'R' || clean[i] === 'r') && /^RETURN\b/i.test(clean.slice(i, i + 7)) && (i === 0 || !/[A-Za-z0-9_.]/.test(clean[i - 1]))) last = i;
  });
  if (last >= 0) {
    const body = returnBody(clean.slice(last + 'RETURN'.length).replace(/^\s+DISTINCT\b/i, ''));
    const names: string[] = [];
    for (const item of splitTopLevel(body)) {
      const alias = /\bAS\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/i.exec(item);
      if (alias) names.push(alias[1]);
      else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(item)) names.push(item);
      else {
        names.length = 0;
        break;
      }
    }
    if (names.length && new Set(names).size === names.length) cols = names;
  }
  columnCache.set(text, cols);
  return cols;
}

export interface BundlePart {
  text: string;
  params: Record<string, unknown>;
  columns: string[];
}

const textCache = new Map<string, string>();

/** The bundled query text and its parameters. */
export function composeBundle(parts: BundlePart[]): { text: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  parts.forEach((p, i) => {
    for (const [k, v] of Object.entries(p.params)) params[`b${i}_${k}`] = v;
  });
  const cacheKey = parts.map((p) => p.text).join('\u0000');
  let text = textCache.get(cacheKey);
  if (text === undefined) {
    const lines: string[] = [];
    const kept: string[] = [];
    parts.forEach((p, i) => {
      const inner = rewrite(p.text, (name) => `b${i}_${name}`);
      const allNull = p.columns.map((c) => `${c} IS NULL`).join(' AND ');
      lines.push(`OPTIONAL CALL () {\n${inner}\n}`);
      lines.push(`WITH ${[...kept, `collect(CASE WHEN ${allNull} THEN null ELSE [${p.columns.join(', ')}] END) AS __b${i}`].join(', ')}`);
      kept.push(`__b${i}`);
    });
    lines.push(`RETURN ${kept.join(', ')}`);
    text = lines.join('\n');
    if (textCache.size < 1000) textCache.set(cacheKey, text);
  }
  return { text, params };
}

/** The rows of each part, back under their own column names. */
export function splitBundle(row: Record<string, unknown>, parts: BundlePart[]): Record<string, unknown>[][] {
  return parts.map((p, i) =>
    ((row[`__b${i}`] as unknown[][]) ?? []).map((values) => {
      const r: Record<string, unknown> = {};
      for (let c = 0; c < p.columns.length; c++) r[p.columns[c]] = values[c];
      return r;
    }),
  );
}
