import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8Length } from './utf8';

describe('utf8', () => {
  it('encodes as TextEncoder does, without needing it', () => {
    for (const text of ['abc', '客服绩效', 'é', '😀 emoji', '']) {
      expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
