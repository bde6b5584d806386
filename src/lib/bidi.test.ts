import { describe, expect, it } from 'vitest';
import { isolate } from './bidi';

describe('isolate', () => {
  it('leaves left-to-right text alone', () => {
    expect(isolate('Researchers <img>')).toBe('Researchers <img>');
  });

  it('isolates right-to-left text and direction overrides', () => {
    expect(isolate('فريق')).toBe('\u2068فريق\u2069');
    expect(isolate('a\u202Egnp.exe')).toBe('\u2068a\u202Egnp.exe\u2069');
  });
});
