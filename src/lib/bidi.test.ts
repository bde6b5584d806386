import { describe, expect, it } from 'vitest';
import { isolate, showControls } from './bidi';

describe('isolate', () => {
  it('leaves left-to-right text alone', () => {
    expect(isolate('Researchers <img>')).toBe('Researchers <img>');
  });

  it('isolates right-to-left text and direction overrides', () => {
    expect(isolate('فريق')).toBe('\u2068فريق\u2069');
    expect(isolate('a\u202Egnp.exe')).toBe('\u2068a[U+202E]gnp.exe\u2069');
  });

  it('shows direction controls as text, so that a name cannot reverse itself', () => {
    expect(showControls('\u202Egnp.exe')).toBe('[U+202E]gnp.exe');
    expect(showControls('a\u2067b\u2069\u200F')).toBe('a[U+2067]b[U+2069][U+200F]');
    expect(showControls('فريق')).toBe('فريق');
  });
});
