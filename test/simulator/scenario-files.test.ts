// The example scenarios in scenarios/ (README, "Simulating a case"): each parses as
// `npm run simulate` parses it, says what it shows, and configures the AMI month amount except
// the one that shows what happens without it. A file with several insatser is held to the same
// for each of them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INSATSTYPER } from '../../domain/insatstyp';
import { scenarioFile } from './simulator';

const files = readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort();
const WITHOUT_AMOUNT = 'ami1-utan-manadsbelopp.yaml';

describe('scenarios/', () => {
  it('has a happy path for every insatstyp', () => {
    const happy = files.filter((name) => name.endsWith('-happy-path.yaml')).flatMap((name) => scenarioFile(name).insatser.map((insats) => insats.typ));
    expect(happy.sort()).toEqual([...INSATSTYPER].sort());
  });

  for (const name of files) {
    it(`${name} parses and starts with a comment saying what it shows, with rule sections`, () => {
      const scenario = scenarioFile(name);
      const text = readFileSync(`scenarios/${name}`, 'utf8');
      const header = text.slice(0, text.search(/^[^#]/m));
      expect(header).toMatch(/^# /);
      expect(header).toMatch(/20(23|24) §\d/);
      // JPG, FJP, SAI under the 2023 rulebook; AMI1 and AMI2 under 2024 (RULEBOOK.md, Insatstyper).
      for (const insats of scenario.insatser) expect(insats.beslutsdatum < '2024-01-01', insats.id).toBe(['JPG', 'FJP', 'SAI'].includes(insats.typ));
    });

    for (const typ of new Set(scenarioFile(name).insatser.map((insats) => insats.typ))) {
      if (typ !== 'AMI1' && typ !== 'AMI2') continue;
      it(`${name} ${name === WITHOUT_AMOUNT ? `leaves the ${typ} month amount out, on purpose` : `sets the ${typ} month amount, marked as an example`}`, () => {
        const { config } = scenarioFile(name);
        const amounts = (config?.payments as { monthAmounts?: Record<string, number> } | undefined)?.monthAmounts;
        if (name === WITHOUT_AMOUNT) {
          expect(amounts?.[typ]).toBeUndefined();
        } else {
          expect(amounts?.[typ]).toBeGreaterThan(0);
          expect(readFileSync(`scenarios/${name}`, 'utf8')).toMatch(/is an example/);
        }
      });
    }
  }
});
