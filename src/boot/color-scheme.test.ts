import { describe, expect, it } from 'vitest';
import { initialColorScheme } from './color-scheme';

describe('initialColorScheme', () => {
  it('takes the stored choice, whatever the system prefers', () => {
    expect(initialColorScheme('dark', false)).toBe('dark');
    expect(initialColorScheme('light', true)).toBe('light');
  });

  it('follows the system for "auto", nothing stored, or a value Mantine would not store', () => {
    for (const stored of ['auto', null, '', 'blue']) {
      expect(initialColorScheme(stored, true)).toBe('dark');
      expect(initialColorScheme(stored, false)).toBe('light');
    }
  });
});
