// The seeds the simulator can start from (`--seed`, `POST /__sim/reset {"seed": ...}`):
// - `showcase`: what a person trying the app sees (`npm start`, `npm run sim`); readable tables.
// - `demo`: every state and hostile string the UI must handle; the seed the tests use.
// - `large`: the `demo` data plus one offering at benchmark scale.
export const SEED_NAMES = ['showcase', 'demo', 'large'] as const;

export type SeedName = (typeof SEED_NAMES)[number];

export function isSeedName(value: unknown): value is SeedName {
  return (SEED_NAMES as readonly unknown[]).includes(value);
}

/** Where a person starts (npm start, npm run sim, the Vite dev server): the showcase. */
export const DEFAULT_INTERACTIVE_SEED: SeedName = 'showcase';

/** The seed named by a flag or SIM_SEED; the showcase when none is given, an error when unknown. */
export function interactiveSeed(name: string | undefined): SeedName {
  if (name === undefined || name === '') return DEFAULT_INTERACTIVE_SEED;
  if (!isSeedName(name)) throw new Error(`Unknown seed "${name}": use ${SEED_NAMES.join(', ')}.`);
  return name;
}
