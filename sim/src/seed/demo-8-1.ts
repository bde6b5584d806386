// The Waldur 8.1 seeds: filled in by the next commits.
import { AccessState } from '../model/access-8-1.ts';
import type { Store } from '../model/store.ts';
import { buildDemo } from './demo.ts';

export function buildAccess81(store: Store, seed: 'demo' | 'large'): AccessState {
  void seed;
  buildDemo(store);
  return new AccessState();
}
