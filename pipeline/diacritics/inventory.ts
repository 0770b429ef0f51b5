// The Vietnamese syllable inventory of the two installed word lists, dictionary-vi (Hunspell)
// and @cspell/dict-vi-vn (a cspell "TrieXv3" file). Used when building the model only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { isWellFormedSyllable, toOldStyle } from './vietnamese.js';

/** The installed package's folder, looked up from this file upwards (node_modules/NAME). */
function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package ${name} is not installed`);
    dir = parent;
  }
}

/** Words of dictionary-vi's index.dic (first line is the count; no affix flags are used). */
export function hunspellWords(): string[] {
  const text = readFileSync(join(packageDir('dictionary-vi'), 'index.dic'), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.split('/')[0].trim())
    .filter(Boolean);
}

/**
 * Reads the words of a cspell TrieXv3 file. The data is a stream of characters and operators:
 * `$` ends a word (and steps back one), `<` / `<N` steps back, `#ref;` points the character just
 * added at an earlier node (shared suffixes), `\` escapes. A node number counts every node the
 * reader created, starting with the root (0) and the shared end-of-word node (1).
 */
export function cspellTrieWords(text: string): string[] {
  interface Node {
    eow?: boolean;
    children?: Map<string, Node>;
  }
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('__DATA__'));
  const header = lines.slice(0, start).filter((l) => l.trim() && !l.trim().startsWith('#'));
  const base = Number(/base=(\d+)/.exec(header.join('\n'))?.[1] ?? '10');
  const root: Node = { children: new Map() };
  const EOW: Node = { eow: true };
  const nodes: Node[] = [root, EOW];
  const stack: { parent: Node; char: string }[] = [{ parent: root, char: '' }];
  let current: Node = root;
  let depth = 0;
  const data = lines.slice(start + 1).join('');
  const shared = new Set<Node>([EOW]);
  const insertChar = (ch: string) => {
    if (shared.has(current)) {
      // Copy a shared node before adding to it.
      const s = stack[depth];
      const copy: Node = { eow: current.eow, children: current.children ? new Map(current.children) : undefined };
      s.parent.children!.set(s.char, copy);
      current = copy;
      nodes.push(copy);
    }
    current.children ??= new Map();
    let next = current.children.get(ch);
    if (!next) {
      next = {};
      current.children.set(ch, next);
    }
    nodes.push(next);
    depth++;
    stack[depth] = { parent: current, char: ch };
    current = next;
  };
  const markEOW = () => {
    if (!current.children) {
      const s = stack[depth];
      s.parent.children!.set(s.char, EOW);
      if (nodes[nodes.length - 1] === current) nodes.pop();
      current = EOW;
    } else current.eow = true;
  };
  const back = (n: number) => {
    if (n <= 0) return;
    depth -= n;
    current = stack[depth + 1].parent;
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    if (ch === '$') {
      markEOW();
      back(1);
      i++;
      // Following back operators belong to it.
      while (i < data.length && (data[i] === '<' || /[2-9]/.test(data[i]))) {
        back(data[i] === '<' ? 1 : Number(data[i]) - 1);
        i++;
      }
    } else if (ch === '<') {
      back(1);
      i++;
      while (i < data.length && (data[i] === '<' || /[2-9]/.test(data[i]))) {
        back(data[i] === '<' ? 1 : Number(data[i]) - 1);
        i++;
      }
    } else if (ch === '#') {
      const end = data.indexOf(';', i);
      const ref = parseInt(data.slice(i + 1, end), base);
      const s = stack[depth];
      const target = nodes[ref + 1];
      s.parent.children!.set(s.char, target);
      shared.add(target);
      nodes.pop();
      i = end + 1;
    } else if (ch === '\\') {
      const nextCh = data[i + 1];
      insertChar(nextCh === 'n' ? '\n' : nextCh === 'r' ? '\r' : nextCh);
      i += 2;
    } else if (ch === '\r') i++;
    else {
      insertChar(ch);
      i++;
    }
  }
  const words: string[] = [];
  const walk = (node: Node, prefix: string, guard: number) => {
    if (guard > 40) return;
    if (node.eow) words.push(prefix);
    if (node.children) for (const [c, n] of node.children) walk(n, prefix + c, guard + 1);
  };
  walk(root, '', 0);
  return words;
}

export function cspellWords(): string[] {
  const gz = readFileSync(join(packageDir('@cspell/dict-vi-vn'), 'vi.trie.gz'));
  return cspellTrieWords(gunzipSync(gz).toString('utf8'));
}

/** Lower-case old-style syllables of both word lists (multi-syllable entries are split). */
export function syllableInventory(): Set<string> {
  const out = new Set<string>();
  for (const w of [...hunspellWords(), ...cspellWords()]) {
    for (const part of w.normalize('NFC').toLowerCase().split(/\s+/)) {
      const s = toOldStyle(part);
      if (isWellFormedSyllable(s)) out.add(s);
    }
  }
  return out;
}
