// signature: the signing block — TM. (on behalf of a collective body), KT./Q./TL./TUQ.
// (signing for the head), the signer's position, rank and name.
import type { AdminRoot, SignatureLine } from '../pipeline/parse/types.js';
import type { Signature } from '../pipeline/record/schema.js';
import { canonicalBody, positionPrefix, rankPrefix } from '../pipeline/lexicon/index.js';
import { EvidenceSink, fold, looseFold, nameCase, sentenceCase, topNodes } from './util.js';

const AUTHORITY = /^(t\/m|k\/t|tm|kt|k\/|k|q|tl|tuq)[.\s/]+/;
const AUTHORITY_LABEL: Record<string, string> = { tm: 'TM.', 't/m': 'TM.', kt: 'KT.', 'k/t': 'KT.', 'k/': 'KT.', k: 'KT.', q: 'Q.', tl: 'TL.', tuq: 'TUQ.' };

function positionCase(text: string): string {
  const p = positionPrefix(fold(text).replace(/\s+/g, ' ').trim());
  if (p && p[1] >= fold(text).trim().length - 1) return p[0];
  return sentenceCase(text.trim());
}

export function extractSignature(tree: AdminRoot, ev: EvidenceSink): Signature {
  const sig: Signature = { onBehalf: null, deputyFor: null, position: null, rank: null, name: null };
  const lines: SignatureLine[] = topNodes(tree, 'signature').flatMap((s) => s.children);
  // Work on the words of all lines in order, remembering which line each came from.
  const words: Array<{ word: string; line: SignatureLine; at: number }> = [];
  for (const line of lines) {
    if (/^\(?(da ky|ky ten|ky, ghi ro|ky va ghi)/.test(fold(line.value))) continue;
    for (const m of line.value.matchAll(/\S+/g)) words.push({ word: m[0], line, at: m.index! });
  }
  const names: Array<{ text: string; line: SignatureLine }> = [];
  let i = 0;
  const rest = () => words.slice(i).map((w) => w.word).join(' ');
  while (i < words.length) {
    const text = rest();
    const key = looseFold(text);
    const auth = AUTHORITY.exec(key);
    if (auth && /^(T\/M|K\/T|TM|KT|K|Q|TL|TUQ)\b/i.test(text) && /^[A-Z]/.test(text)) {
      const label = AUTHORITY_LABEL[auth[1]];
      const consumed = text.slice(0, auth[0].length).split(/\s+/).filter(Boolean).length;
      i += Math.max(1, consumed);
      // The body or position after the label runs to the next label or position.
      const after = looseFold(rest());
      if (label === 'TM.') {
        const taken: string[] = [];
        while (i < words.length) {
          const k = looseFold(words.slice(i).map((w) => w.word).join(' '));
          if (AUTHORITY.test(k) && /^(TM|KT|K|Q|TL|TUQ)\b/.test(words[i].word)) break;
          if (taken.length && positionPrefix(k)) break;
          // A mixed-case line after the body's name is the signer's name, not more of the body.
          if (taken.length && words[i].line !== words[i - 1].line && isMixedCaseName(words[i].line.value)) break;
          taken.push(words[i].word);
          i++;
        }
        const bodyText = taken.join(' ');
        const body = canonicalBody(bodyText) ?? sentenceCase(bodyText);
        sig.onBehalf = `TM. ${body}`;
        if (taken.length) ev.add('/signature/onBehalf', words[i - 1].line);
      } else {
        const p = positionPrefix(after);
        if (p) {
          const n = p[0].split(' ').length;
          sig.deputyFor = `${label} ${p[0]}`;
          ev.add('/signature/deputyFor', words[i].line);
          i += n;
        } else sig.deputyFor = label;
      }
      continue;
    }
    const p = positionPrefix(key);
    if (p && !sig.position) {
      const n = p[0].split(' ').length;
      sig.position = positionCase(words.slice(i, i + n).map((w) => w.word).join(' '));
      ev.add('/signature/position', words[i].line);
      i += n;
      continue;
    }
    const r = rankPrefix(key);
    if (r) {
      sig.rank = r[0];
      ev.add('/signature/rank', words[i].line);
      i += r[0].split(' ').length;
      continue;
    }
    // The rest of a line that is a name; a name broken after its first word ("Dương" / "Đức Tuấn") is joined.
    const line = words[i].line;
    let lineWords = words.slice(i).filter((w) => w.line === line);
    if (lineWords.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(lineWords[0].word)) {
      const next = words.slice(i + 1).filter((w) => w.line === words[i + 1]?.line);
      if (next.length >= 1 && next.length <= 3 && isMixedCaseName(next.map((w) => w.word).join(' '), 1)) lineWords = [...lineWords, ...next];
    }
    const candidate = lineWords.map((w) => w.word).join(' ').replace(/[.,;]+$/, '');
    if (/^[\p{Lu}][\p{L}]*(\s+[\p{Lu}][\p{L}]*){1,6}$/u.test(candidate)) names.push({ text: candidate, line });
    i += lineWords.length;
  }
  // The signer's name is the first name written in mixed case ("Nguyễn Văn An"); an upper-case one
  // only when there is no other (headings of an attachment after the signature are upper case).
  const name = names.find((n) => isMixedCaseName(n.text)) ?? names[0];
  if (name) {
    sig.name = name.text === name.text.toUpperCase() ? nameCase(name.text) : name.text;
    ev.add('/signature/name', name.line);
  }
  return sig;
}

/** Capitalised words, at least one with lower-case letters: how names are written under a signature. */
function isMixedCaseName(text: string, min = 2): boolean {
  const words = text.trim().replace(/[.,;]+$/, '').split(/\s+/);
  return words.length >= min && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w));
}
