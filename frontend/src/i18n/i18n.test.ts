import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import labels from '../api/labels.json';
import en from './en.json';
import cy from './cy.json';

// The plural endings i18next adds by the count's plural category: English has one and other,
// Welsh all six (Intl.PluralRules), so a plural key is the same key whatever its ending.
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const english = flatten(en);
const welsh = flatten(cy);
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();

/** Every source file a citizen's page is made of: their pages, the shared components and libraries. */
function citizenSources(dir = join(import.meta.dirname, '..')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'staff' || name === 'test' ? [] : citizenSources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the translation files', () => {
  it('have every key in both English and Welsh', () => {
    const inEnglish = new Set(Object.keys(english).map(base));
    const inWelsh = new Set(Object.keys(welsh).map(base));
    expect(
      [...inEnglish].filter((k) => !inWelsh.has(k)),
      'keys with no Welsh',
    ).toEqual([]);
    expect(
      [...inWelsh].filter((k) => !inEnglish.has(k)),
      'keys with no English',
    ).toEqual([]);
  });

  it('give Welsh every plural form Welsh needs', () => {
    const plurals = new Set(
      Object.keys(welsh)
        .filter((k) => PLURAL.test(k))
        .map(base),
    );
    for (const key of plurals) {
      for (const form of new Intl.PluralRules('cy').resolvedOptions().pluralCategories) expect(welsh, key).toHaveProperty([`${key}_${form}`]);
    }
  });

  it('say the same values and markup in both languages, and nothing is left empty', () => {
    for (const [key, text] of Object.entries(welsh)) {
      expect(text.trim(), key).not.toBe('');
      const inEnglish = english[key] ?? english[`${base(key)}_other`];
      expect(placeholders(text), key).toEqual(placeholders(inEnglish));
    }
  });

  it("word the server's choices in English as the server does (app/web/EnumLabels)", () => {
    for (const kind of ['ReportCategory', 'CaseStatus', 'UpdateChannel', 'UpdateFrequency'] as const) {
      const ours = Object.fromEntries(
        Object.entries(english)
          .filter(([k]) => k.startsWith(`enums.${kind}.`))
          .map(([k, v]) => [k.split('.')[2], v]),
      );
      expect(ours, kind).toEqual(Object.fromEntries(labels[kind].map(({ value, label }) => [value, label])));
    }
    const channels = Object.fromEntries(labels.Channel.map(({ value, label }) => [value, label]));
    expect(
      Object.fromEntries(
        Object.entries(english)
          .filter(([k]) => k.startsWith('figures.channel.'))
          .map(([k, v]) => [k.split('.')[2], v]),
      ),
    ).toEqual(channels);
  });

  it('have every key the citizen pages ask for', () => {
    const asked = citizenSources().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'|i18nKey="([a-zA-Z0-9_.]+)"/g)].map((m) => [file, m[1] ?? m[2]]),
    );
    expect(asked.length).toBeGreaterThan(200);
    const known = new Set(Object.keys(english).map(base));
    expect(asked.filter(([, key]) => !known.has(key)).map(([file, key]) => `${file}: ${key}`)).toEqual([]);
  });
});
