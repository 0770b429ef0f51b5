// Fills a DOCX template with docxtemplater + pizzip. A template is prepared once (read,
// inspected against the data model, unzipped, compiled) and rendered many times.
import { readFile, stat } from 'node:fs/promises';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import inspectModuleExport from 'docxtemplater/js/inspect-module.js';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';
import { buildMau01 } from '../../templates/mau01.js';
import { buildMau08 } from '../../templates/mau08.js';
import { ESSENTIAL_TAGS, FORM_FIELDS, type FieldSpec, type FormName } from './fields.js';

// docxtemplater's InspectModule (lists a template's tags). Its CommonJS export is a factory
// function although the bundled typings declare a class.
type InspectModule = Docxtemplater.DXT.Module & { getAllTags(): Record<string, unknown> };
const createInspectModule = inspectModuleExport as unknown as () => InspectModule;

export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
export const MAX_TEMPLATE_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Resolves dotted tags (`body.name`) through own properties only; `.` is the current item. */
function dottedParser(tag: string) {
  const path = tag.trim() === '.' ? [] : tag.trim().split('.');
  return {
    get(scope: unknown): unknown {
      let value: unknown = scope;
      for (const key of path) {
        if (value === null || value === undefined || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    },
  };
}

const OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  stripInvalidXMLChars: true,
  // Errors are reported through InputError, not logged to the console by docxtemplater.
  errorLogging: false,
  parser: dottedParser,
  // A value the data lacks prints as nothing, never "undefined".
  nullGetter: () => '',
};

export interface TemplateReport {
  /** Tags the data model does not know, with where they are ("inside {#nominees}"). */
  unknown: string[];
  /** Essential tags the template lacks (each: the alternatives). */
  missing: string[];
}

export interface PreparedTemplate {
  form: FormName;
  source: string;
  report: TemplateReport;
  /** The template file; the renderer's zip is read from it once. */
  bytes: Uint8Array;
  /** The compiled docxtemplater instance, reused from one render to the next. */
  renderer?: Docxtemplater;
}

interface DocxtemplaterError {
  properties?: { id?: string; explanation?: string; errors?: DocxtemplaterError[] };
  message?: string;
}

function explain(error: unknown): string {
  const e = error as DocxtemplaterError;
  const inner = e.properties?.errors?.length ? e.properties.errors : [e];
  return inner
    .slice(0, 5)
    .map((x) => x.properties?.explanation ?? x.message ?? String(x))
    .join('; ');
}

type TagTree = Record<string, unknown>;

/** "nominees>name" → "{name} in {#nominees}" */
function describeTag(path: string): string {
  const parts = path.split('>');
  const field = parts.pop()!;
  return [`{${field}}`, ...parts.reverse().map((loop) => `in {#${loop}}`)].join(' ');
}

/** Checks the inspected tag tree against the form's fields, with docxtemplater's scope rules. */
export function checkTags(form: FormName, tags: TagTree): TemplateReport {
  const unknown: string[] = [];
  const used = new Set<string>();
  const walk = (tree: TagTree, scopes: { fields: FieldSpec[]; prefix: string }[], where: string) => {
    for (const [tag, children] of Object.entries(tree)) {
      let found: { spec: FieldSpec; scope: { fields: FieldSpec[]; prefix: string } } | null = null;
      let objectScope: FieldSpec[] | null = null;
      for (let i = scopes.length - 1; i >= 0 && !found && !objectScope; i--) {
        const scope = scopes[i]!;
        const spec = scope.fields.find((f) => f.path === tag);
        if (spec) found = { spec, scope };
        else {
          // A section on an object: {#body}{name}{/body}.
          const inner = scope.fields.filter((f) => f.path.startsWith(`${tag}.`)).map((f) => ({ ...f, path: f.path.slice(tag.length + 1) }));
          if (inner.length) objectScope = inner;
        }
      }
      const sub = (children && typeof children === 'object' ? children : {}) as TagTree;
      if (found) {
        used.add(found.scope.prefix + tag);
        const next = found.spec.kind === 'list' ? [...scopes, { fields: found.spec.items ?? [], prefix: `${found.scope.prefix}${tag}>` }] : scopes;
        walk(sub, next, found.spec.kind === 'list' ? `inside {#${tag}}` : where);
      } else if (objectScope) {
        walk(sub, [...scopes, { fields: objectScope, prefix: `${tag}.` }], `inside {#${tag}}`);
      } else {
        unknown.push(`{${tag}}${where ? ` ${where}` : ''}`);
        walk(sub, scopes, where);
      }
    }
  };
  walk(tags, [{ fields: FORM_FIELDS[form], prefix: '' }], '');
  const missing = ESSENTIAL_TAGS[form].filter((group) => !group.some((tag) => used.has(tag))).map((group) => group.map(describeTag).join(' or '));
  return { unknown, missing };
}

/** Unzips and compiles a template, and inspects its tags. Throws InputError for a broken one. */
export function prepareTemplate(form: FormName, bytes: Uint8Array, source: string): PreparedTemplate {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (error) {
    throw new InputError(source, 'invalid', t('forms.template-not-zip', { detail: (error as Error).message }));
  }
  if (!zip.file('word/document.xml')) throw new InputError(source, 'invalid', t('forms.template-not-word'));
  // Guard against decompression bombs: the sizes the zip declares, before inflating anything.
  let declared = 0;
  for (const file of Object.values(zip.files)) declared += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_TEMPLATE_UNZIPPED_BYTES) {
    throw new InputError(source, 'too-large', t('forms.template-unzips-too-large', { max: MAX_TEMPLATE_UNZIPPED_BYTES / 1024 / 1024 }));
  }
  const inspect = createInspectModule();
  try {
    new Docxtemplater(zip, { ...OPTIONS, modules: [inspect] });
  } catch (error) {
    throw new InputError(source, 'invalid', t('forms.template-malformed', { detail: explain(error) }));
  }
  const report = checkTags(form, inspect.getAllTags() as TagTree);
  return { form, source, report, bytes };
}


const BUILT_IN: Record<FormName, () => Uint8Array> = { mau01: buildMau01, mau08: buildMau08 };
const builtInCache = new Map<FormName, PreparedTemplate>();

/** The built-in template of a form (built from code once per process). */
export function builtInTemplate(form: FormName): PreparedTemplate {
  let prepared = builtInCache.get(form);
  if (!prepared) {
    prepared = prepareTemplate(form, BUILT_IN[form](), `built-in ${form}`);
    builtInCache.set(form, prepared);
  }
  return prepared;
}

/** A province's own template from a file; unknown tags are refused, missing ones reported. */
export async function customTemplate(form: FormName, path: string): Promise<PreparedTemplate> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(path, 'missing', t('forms.template-missing'));
  }
  if (size === 0) throw new InputError(path, 'empty', t('forms.template-empty'));
  if (size > MAX_TEMPLATE_BYTES) throw new InputError(path, 'too-large', t('forms.template-too-large', { max: MAX_TEMPLATE_BYTES / 1024 / 1024 }));
  const prepared = prepareTemplate(form, await readFile(path), path);
  if (prepared.report.unknown.length) {
    throw new InputError(path, 'invalid', t('forms.template-unknown-tags', { count: prepared.report.unknown.length, form, tags: prepared.report.unknown.join(', ') }));
  }
  return prepared;
}

/**
 * A line break inside a filled value (docxtemplater's `linebreaks` writes `<w:br/>`) becomes a
 * paragraph break: a justified line that ends in a manual break is stretched across the column
 * by Word and LibreOffice, a paragraph's last line is not. Each new paragraph keeps the
 * paragraph's properties and the run's properties, so indents and fonts stay the same. Page
 * breaks (`<w:br w:type="page"/>`) are left alone.
 */
export function breaksToParagraphs(xml: string): string {
  return xml.replace(/(<w:p(?: [^>]*)?>)((?:(?!<\/w:p>).)*?<w:br\/>(?:(?!<\/w:p>).)*)<\/w:p>/gs, (whole, open: string, inner: string) => {
    const pPr = /^<w:pPr>.*?<\/w:pPr>/s.exec(inner)?.[0] ?? '';
    // Only runs of plain text and line breaks are split; anything else is left as it is.
    const body = inner.slice(pPr.length);
    if (!/^(?:<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?(?:<w:t(?: xml:space="preserve")?>[^<]*<\/w:t>|<w:br\/>)*<\/w:r>)+$/s.test(body)) return whole;
    const paragraphs: string[] = [];
    let current = '';
    for (const runMatch of body.matchAll(/<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)((?:(?!<\/w:r>).)*)<\/w:r>/gs)) {
      const rPr = runMatch[1]!;
      const pieces = runMatch[2]!.split('<w:br/>');
      pieces.forEach((piece, i) => {
        if (i > 0) {
          paragraphs.push(current);
          current = '';
        }
        if (piece) current += `<w:r>${rPr}${piece}</w:r>`;
      });
    }
    paragraphs.push(current);
    return paragraphs.map((runs) => `${open}${pPr}${runs}</w:p>`).join('');
  });
}

/**
 * Renders one document. The template is compiled once per prepared template: docxtemplater
 * compiles a zip's templated parts into a tree and renders that tree with the data; the
 * compiled tree is not changed by a render, so the same instance renders the next document
 * after its `rendered` flag and its data caches are cleared (docxtemplater refuses a second
 * render otherwise).
 * Compiling is ~3/4 of the cost of a small form; test/forms/template.test.ts checks that a
 * reused instance gives the same bytes as a fresh one. A failed render drops the instance.
 */
export function renderDocx(template: PreparedTemplate, data: object): Uint8Array {
  let doc = template.renderer;
  try {
    const state = doc as unknown as { rendered?: unknown; mapper?: unknown; scopeManagers?: unknown } | undefined;
    if (doc && state && typeof state.rendered === 'boolean' && typeof state.scopeManagers === 'object' && state.scopeManagers !== null) {
      // Clear the render flag and the caches that hold the previous data: the file → data
      // map and the per-file scope managers. (Internals of docxtemplater 3.71, pinned by the
      // lockfile; when they are not there, a fresh instance is compiled for each document.)
      state.rendered = false;
      state.mapper = undefined;
      state.scopeManagers = {};
    } else {
      // Read from the (compressed) template: parts a render does not change keep their
      // compressed bytes, so writing the document only deflates what was filled in.
      doc = new Docxtemplater(new PizZip(template.bytes), OPTIONS);
    }
    doc.render(data);
  } catch (error) {
    template.renderer = undefined;
    throw new InputError(template.source, 'invalid', t('forms.template-fill-failed', { detail: explain(error) }));
  }
  template.renderer = doc;
  const zip = doc.getZip();
  const part = zip.file('word/document.xml');
  if (part) {
    const xml = part.asText();
    if (xml.includes('<w:br/>')) zip.file('word/document.xml', breaksToParagraphs(xml));
  }
  // Fast deflate: level 1 is half the time of the default for the same size within 10%.
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
