import { ratio } from '../lib/ratio';
import type { ChatFacts, Facts } from './facts';

/** The fields of T that hold a count or sum, or a set whose size counts (customers, accounts). */
type Countable<T> = {
  [K in keyof T]: T[K] extends number | null | { readonly size: number } ? K : never;
}[keyof T];
type Listed<T> = { [K in keyof T]: T[K] extends readonly number[] ? K : never }[keyof T];

/**
 * The named facts an indicator is computed from: the fields of a row's Facts (consultation facts by
 * their name in ChatFacts). The same names are the columns of the SQL facts view (src/cli/sql), so an
 * indicator is described once, as an expression over these names, and both engines read it. Read by
 * name, with no table of getters, so that Code.js does not grow by one.
 */
export type FactName = Countable<ChatFacts> | Exclude<Countable<Facts>, 'chats'>;

/** The lists of cases whose mean, median and 90th percentile a duration indicator shows. */
export type SampleName = Listed<ChatFacts> | Listed<Facts>;

/** The row's fact or sample list of this name (ChatFacts' first, then Facts'); a set counts its size. */
export function factOf(f: Facts, name: FactName | SampleName): number | null;
export function factOf(f: Facts, name: string): unknown {
  const value = (name in f.chats ? f.chats : f)[name as keyof (Facts | ChatFacts)] as unknown;
  return value instanceof Object && 'size' in value ? value.size : value;
}

export function samplesOf(f: Facts, name: SampleName): readonly number[] {
  return factOf(f, name) as unknown as readonly number[];
}

/**
 * An indicator's computation: a fact, a ratio (empty when the divisor is 0), a difference, the mean
 * or the number of a list of cases. Empty (null) propagates: a ratio or difference of an empty value
 * is empty, as the catalog's rules (receptionShare, silent sales) always said.
 */
export type Expr =
  | { fact: FactName }
  | { ratio: readonly [Expr, Expr] }
  | { minus: readonly [Expr, Expr] }
  | { mean: SampleName }
  | { count: SampleName };

/** How an expression reads its row: the JS engine from Facts, the SQL engine from a facts row. */
export interface ExprReader {
  fact(name: FactName): number | null;
  mean(name: SampleName): number | null;
  count(name: SampleName): number;
}

export function evaluate(expr: Expr, read: ExprReader): number | null {
  if ('fact' in expr) return read.fact(expr.fact);
  if ('mean' in expr) return read.mean(expr.mean);
  if ('count' in expr) return read.count(expr.count);
  if ('ratio' in expr) {
    const a = evaluate(expr.ratio[0], read);
    const b = evaluate(expr.ratio[1], read);
    return a === null || b === null ? null : ratio(a, b);
  }
  const a = evaluate(expr.minus[0], read);
  const b = evaluate(expr.minus[1], read);
  return a === null || b === null ? null : a - b;
}

/** The facts and samples an expression reads. */
export function namesIn(expr: Expr): { facts: FactName[]; samples: SampleName[] } {
  if ('fact' in expr) return { facts: [expr.fact], samples: [] };
  if ('mean' in expr) return { facts: [], samples: [expr.mean] };
  if ('count' in expr) return { facts: [], samples: [expr.count] };
  const [a, b] = 'ratio' in expr ? expr.ratio : expr.minus;
  const x = namesIn(a);
  const y = namesIn(b);
  return { facts: [...x.facts, ...y.facts], samples: [...x.samples, ...y.samples] };
}
