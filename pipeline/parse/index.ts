// The parser as a unified processor: a parser plugin (text → AdminRoot with positions) and
// transformer plugins that each add one thing to the tree.
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { buildTree } from './structure.js';
import { sectionRoles } from './roles.js';
import { articleSections } from './articles.js';
import type { AdminRoot } from './types.js';

export const adminDocumentParse: Plugin<[], string, AdminRoot> = function () {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as { parser: (document: string) => AdminRoot };
  self.parser = (document: string) => buildTree(document);
};

const processor = unified().use(adminDocumentParse).use(articleSections).use(sectionRoles).freeze();

/** Parses normalised text into the document tree and runs the tree plugins. */
export function parseDocument(text: string, file?: VFile): AdminRoot {
  const vfile = file ?? new VFile({ value: text });
  const tree = processor.parse(vfile) as AdminRoot;
  return processor.runSync(tree, vfile) as AdminRoot;
}

export { buildTree };
export type * from './types.js';
