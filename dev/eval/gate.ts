// Quality gate: compare the dev-split figures with the floors/ceilings pinned in corpus/gate.json. Pure.
import { z } from 'zod';

export const GateFile = z.object({
  note: z.string().optional(),
  split: z.enum(['train', 'dev', 'test']).default('dev'),
  /** a figure must be >= its floor */
  floors: z.record(z.string(), z.number().min(0).max(1)),
  /** a figure must be <= its ceiling */
  ceilings: z.record(z.string(), z.number().min(0).max(1)).default({}),
});
export type GateFile = z.infer<typeof GateFile>;

/** The figures the gate looks at, by name (the names used in corpus/gate.json). */
export interface GateFigures {
  pageF1: number;
  spanF1: number;
  /** share of clean-page body characters removed */
  collateral: number;
  [name: string]: number;
}

export interface GateFailure {
  figure: string;
  value: number;
  limit: number;
  bound: 'floor' | 'ceiling';
  message: string;
}

/** Ceilings that hold unless corpus/gate.json pins another value: analyze() must not throw on any dev item. */
export const DEFAULT_CEILINGS: Readonly<Record<string, number>> = Object.freeze({ errorShare: 0 });

/** The pinned floors/ceilings plus the default ceilings (the file wins where it names the same figure). */
export function effectiveGate(gate: Pick<GateFile, 'floors' | 'ceilings'>): Pick<GateFile, 'floors' | 'ceilings'> {
  return { floors: gate.floors, ceilings: { ...DEFAULT_CEILINGS, ...(gate.ceilings ?? {}) } };
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : String(x));

/** One failure per figure below its floor or above its ceiling; a pinned figure that is missing also fails. */
export function checkGate(figures: Record<string, number>, gate: Pick<GateFile, 'floors' | 'ceilings'>): GateFailure[] {
  const out: GateFailure[] = [];
  for (const [name, limit] of Object.entries(gate.floors)) {
    const value = figures[name];
    if (typeof value !== 'number' || Number.isNaN(value) || value < limit) {
      out.push({ figure: name, value, limit, bound: 'floor', message: `gate: ${name} ${fmt(value)} is below the floor ${fmt(limit)}` });
    }
  }
  for (const [name, limit] of Object.entries(gate.ceilings ?? {})) {
    const value = figures[name];
    if (typeof value !== 'number' || Number.isNaN(value) || value > limit) {
      out.push({ figure: name, value, limit, bound: 'ceiling', message: `gate: ${name} ${fmt(value)} is above the ceiling ${fmt(limit)}` });
    }
  }
  return out;
}
