import { summarize } from './stats.ts';
import type { Figure } from './types.ts';

type Base = { id: string; title: string; target: string; note?: string; details?: Record<string, unknown> };

/** A figure measured over runs, met when its median is at most `limit`. */
export function measured(
  base: Base & { values: number[]; limit: number; unit: string; format?: (n: number) => string; missedBecause?: string },
): Figure {
  const value = summarize(base.values);
  const format = base.format ?? ((n: number) => `${Math.round(n)} ${base.unit}`);
  const met = value.median <= base.limit;
  const spread = value.n > 1 ? ` (min ${format(value.min)}, max ${format(value.max)}; ${value.n} runs)` : value.n === 1 ? ' (1 run)' : '';
  const note = [base.note, !met && base.missedBecause ? `Missed: ${base.missedBecause}` : null].filter(Boolean).join(' ');
  return {
    id: base.id,
    title: base.title,
    target: base.target,
    status: met ? 'met' : 'missed',
    value,
    unit: base.unit,
    result: `${format(value.median)}${spread}`,
    ...(note ? { note } : {}),
    ...(base.details ? { details: base.details } : {}),
  };
}

/** A figure with a yes/no outcome per run (met when every run passed). */
export function checked(base: Base & { passes: boolean[]; result: string; missedBecause?: string }): Figure {
  const met = base.passes.length > 0 && base.passes.every(Boolean);
  const note = [base.note, !met && base.missedBecause ? `Missed: ${base.missedBecause}` : null].filter(Boolean).join(' ');
  return {
    id: base.id,
    title: base.title,
    target: base.target,
    status: met ? 'met' : 'missed',
    result: `${base.result} (${base.passes.filter(Boolean).length}/${base.passes.length} runs)`,
    ...(note ? { note } : {}),
    ...(base.details ? { details: base.details } : {}),
  };
}

export function notMeasured(base: Base & { reason: string }): Figure {
  return {
    id: base.id,
    title: base.title,
    target: base.target,
    status: 'not measured',
    result: `not measured: ${base.reason}`,
    ...(base.note ? { note: base.note } : {}),
    ...(base.details ? { details: base.details } : {}),
  };
}

export const fmtKb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtMs = (ms: number): string => `${Math.round(ms)} ms`;
