// Beam Viterbi decoding of a lattice of syllable candidates under the trigram model.
import type { RestoreModel } from './model.js';

/** One position of the lattice: candidate word ids and a log-score bonus for each. */
export interface LatticePosition {
  ids: Int32Array | number[];
  /** Channel / lexicon log-scores added to the language model's (same length as ids). */
  bonus?: Float64Array | number[];
}

const BEAM = 8;
const MAX_CANDIDATES = 64;
const PRUNE_RATIO = 1e-5;

/**
 * Best path through the lattice: the index of the chosen candidate at every position. States
 * are (previous word, current word) pairs; at most `beam` of them survive each step. New states
 * are laid out densely as candidate × group, a group being the states' distinct current word.
 */
export function decodeLattice(model: RestoreModel, lattice: LatticePosition[], beam = BEAM): number[] {
  const n = lattice.length;
  const choice = new Array<number>(n).fill(0);
  if (n === 0) return choice;
  // Surviving states (double-buffered).
  let prevIds = new Int32Array(beam);
  let curIds = new Int32Array(beam);
  // Scores are path probabilities rescaled after every position (no logarithms in the loop).
  let scores = new Float64Array(beam).fill(1);
  let nextPrev = new Int32Array(beam);
  let nextCur = new Int32Array(beam);
  let nextScores = new Float64Array(beam);
  let S = 1; // one start state: (<s>, <s>), score 0
  // Back pointers and candidate choices, `beam` per position.
  const candOf = new Int32Array(n * beam);
  const backOf = new Int32Array(n * beam);
  // Scratch.
  const groupOf = new Int32Array(beam);
  const groupIds = new Int32Array(beam);
  const hist = new Int32Array(beam);
  const p2g = new Float64Array(beam);
  const newScores = new Float64Array(beam * MAX_CANDIDATES);
  const newBack = new Int32Array(beam * MAX_CANDIDATES);
  const keep = new Int32Array(beam);
  for (let i = 0; i < n; i++) {
    const pos = lattice[i];
    const ids = pos.ids;
    const bonus = pos.bonus;
    const m = Math.min(ids.length, MAX_CANDIDATES);
    // Group the states by their current word: the new state's history is (current, new).
    let G = 0;
    for (let s = 0; s < S; s++) {
      const q = curIds[s];
      let g = 0;
      while (g < G && groupIds[g] !== q) g++;
      if (g === G) groupIds[G++] = q;
      groupOf[s] = g;
      hist[s] = model.historySlot(prevIds[s], q);
    }
    const total = m * G;
    newScores.fill(-1, 0, total);
    for (let j = 0; j < m; j++) {
      const c = ids[j];
      const b = bonus ? Math.exp(bonus[j]) : 1;
      const base = j * G;
      for (let g = 0; g < G; g++) p2g[g] = model.p2(groupIds[g], c);
      for (let s = 0; s < S; s++) {
        const sc = scores[s] * model.p3Given(hist[s], prevIds[s], curIds[s], c, p2g[groupOf[s]]) * b;
        const k = base + groupOf[s];
        if (sc > newScores[k]) {
          newScores[k] = sc;
          newBack[k] = s;
        }
      }
    }
    // Keep the best `beam` states (insertion into a small sorted buffer).
    let K = 0;
    for (let k = 0; k < total; k++) {
      const sc = newScores[k];
      if (K === beam && sc <= newScores[keep[K - 1]]) continue;
      let t = K < beam ? K++ : K - 1;
      while (t > 0 && newScores[keep[t - 1]] < sc) {
        keep[t] = keep[t - 1];
        t--;
      }
      keep[t] = k;
    }
    const at = i * beam;
    const top = newScores[keep[0]] > 0 ? newScores[keep[0]] : 1;
    // Threshold pruning: states far behind the best one cannot come back.
    while (K > 1 && newScores[keep[K - 1]] < top * PRUNE_RATIO) K--;
    for (let t = 0; t < K; t++) {
      const k = keep[t];
      const j = (k / G) | 0;
      const g = k - j * G;
      nextPrev[t] = groupIds[g];
      nextCur[t] = ids[j];
      nextScores[t] = newScores[k] / top;
      candOf[at + t] = j;
      backOf[at + t] = newBack[k];
    }
    [prevIds, nextPrev] = [nextPrev, prevIds];
    [curIds, nextCur] = [nextCur, curIds];
    [scores, nextScores] = [nextScores, scores];
    S = K;
  }
  let best = 0;
  for (let s = 1; s < S; s++) if (scores[s] > scores[best]) best = s;
  for (let i = n - 1; i >= 0; i--) {
    choice[i] = candOf[i * beam + best];
    best = backOf[i * beam + best];
  }
  return choice;
}
