// The domain is bundled into Temporal's workflow sandbox: it may import nothing but luxon,
// date-holidays, zod and its own files, and may not read the clock or draw random numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const domainDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../domain');
const ALLOWED_PACKAGES = ['luxon', 'date-holidays', 'zod'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s+['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((match) => match[1]!);
}

const files = sourceFiles(domainDir);

describe('the domain folder is pure', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(domainDir, file), file]))('%s imports only luxon, date-holidays, zod and domain files', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        expect(relative(domainDir, target).startsWith('..'), `${specifier} leaves domain/`).toBe(false);
      } else {
        expect(ALLOWED_PACKAGES, `import of ${specifier}`).toContain(specifier);
      }
    }
  });

  it.each(files.map((file) => [relative(domainDir, file), file]))('%s neither reads the clock nor draws random numbers', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/Date\.now\s*\(/);
    expect(source).not.toMatch(/new Date\s*\(\s*\)/);
    expect(source).not.toMatch(/Math\.random\s*\(/);
    expect(source).not.toMatch(/\bprocess\.(env|hrtime)/);
    expect(source).not.toMatch(/DateTime\.(now|local)\s*\(/);
  });
});
