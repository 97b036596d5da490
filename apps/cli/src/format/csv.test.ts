import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a header from every key and quotes what needs quoting', () => {
    expect(
      toCsv([
        { id: 1, title: 'a, "b"' },
        { id: 2, tags: ['x', 'y'], note: 'line\nbreak' },
      ]),
    ).toBe('id,title,tags,note\r\n1,"a, ""b""",,\r\n2,,"x,y","line\nbreak"\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});
