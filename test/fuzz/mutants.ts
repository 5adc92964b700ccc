// The mutant fuzzer: input `index` of a campaign seeded `seed` is one seed file with one to four
// mutations, checked by the mutant oracle.
import type { SeedFile } from './corpus.js';
import type { FailureRecord } from './finding.js';
import { mutate, type Mutant } from './mutate.js';
import type { MutantOracle } from './mutant-oracle.js';
import { pick, rngFor } from './random.js';

export interface MutantInput {
  seedFile: SeedFile;
  mutant: Mutant;
}

export function makeMutant(corpus: readonly SeedFile[], seed: number, index: number): MutantInput {
  const rng = rngFor(seed, index);
  const seedFile = pick(rng, corpus);
  return { seedFile, mutant: mutate(seedFile.text, rng, corpus.map((s) => s.text)) };
}

export function describeMutant(m: MutantInput): string {
  return `mutant of ${m.seedFile.origin}: ${m.mutant.ops.join('; ')}`;
}

/** The failures of input `index`, one per finding. */
export async function runMutant(oracle: MutantOracle, corpus: readonly SeedFile[], seed: number, index: number): Promise<FailureRecord[]> {
  const m = makeMutant(corpus, seed, index);
  const findings = await oracle.check(m.seedFile, m.mutant.text);
  return findings.map((finding) => ({ fuzzer: 'mutants', seed, index, finding, source: m.mutant.text, origin: describeMutant(m) }));
}
