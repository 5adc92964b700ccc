// docs/language.md documents every diagnostic code of the table, with its current message.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../compiler/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/language.md', import.meta.url)), 'utf8');

describe('docs/language.md', () => {
  for (const [code, template] of Object.entries(CODES)) {
    it(`documents ${code}`, () => {
      expect(doc).toContain(`**${code}**: ${template.replace(/\{(\d)\}/g, '‹$1›')}`);
    });
  }
});
