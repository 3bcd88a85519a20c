import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv(['country', 'note'], [['LU', 'a, "b"'], ['MT', 7]])).toBe('country,note\r\nLU,"a, ""b"""\r\nMT,7\r\n');
  });
});
