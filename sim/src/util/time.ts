// Timestamps are kept as microseconds since the epoch (a double holds them exactly) and sent as
// ISO-8601 UTC with six fractional digits and a trailing Z, as Django REST framework does.

export type Micros = number;

export function formatMicros(us: Micros): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString(); // 2025-01-01T00:00:00.000Z
  const frac = String(Math.floor(us % 1_000_000)).padStart(6, '0');
  return `${iso.slice(0, 19)}.${frac}Z`;
}

export function parseIsoToMicros(iso: string): Micros {
  return Date.parse(iso) * 1000;
}

/** A monotonic clock: never returns the same or an earlier value twice. */
export class Clock {
  private last: Micros = 0;
  constructor(private readonly wall: () => number = Date.now) {}

  now(): Micros {
    const candidate = this.wall() * 1000;
    this.last = candidate > this.last ? candidate : this.last + 1;
    return this.last;
  }

  /** Make sure later `now()` values come after `us` (seeded data may lie in the future). */
  advancePast(us: Micros): void {
    if (us > this.last) this.last = us;
  }

  wallMs(): number {
    return this.wall();
  }
}
