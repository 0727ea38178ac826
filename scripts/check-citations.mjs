#!/usr/bin/env node
// Fails when a comment cites a document that is not in the repository: a `.md` file that does not
// exist, a section (`docs/risk-rules.md §3.8`, `docs/projectx-gateway.md#anchor`) that is not one
// of the file's headings, a `§` that names no document, or a `MOD-00N` id (no document defines
// one: name the module's file instead). Reads the comments of the source folders, and the text of
// README.md and docs/*.md outside code fences. Run by `npm run lint`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceFolders = ['src-main', 'src-shared', 'src-preload', 'src-renderer', 'e2e', 'bench', 'soak', 'scripts'];
const sourceFile = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const skippedFolders = new Set(['node_modules', 'out', 'dist', 'test-results', 'reports']);

function walk(folder, found = []) {
  if (!existsSync(folder)) return found;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (!skippedFolders.has(name)) walk(path, found);
    } else if (sourceFile.test(name)) found.push(path);
  }
  return found;
}

/** Where a `//` or `/*` opens on a line outside a quoted string (per line; good enough for citations). */
function commentOpener(line, from) {
  let quote = null;
  for (let at = from; at < line.length - 1; at++) {
    const char = line[at];
    if (quote !== null) {
      if (char === '\\') at++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '/' && line[at + 1] === '/') return { at, kind: 'line' };
    else if (char === '/' && line[at + 1] === '*') return { at, kind: 'block' };
  }
  return undefined;
}

/** The comments of a source file, consecutive comment lines joined: { line, text } with `\n` between lines. */
function comments(text) {
  const blocks = [];
  let current;
  let inBlock = false;
  const add = (lineNumber, fragment) => {
    const cleaned = fragment.replace(/^\s*\*+/, '');
    if (current !== undefined && current.last === lineNumber - 1) {
      current.text += `\n${cleaned}`;
      current.last = lineNumber;
    } else if (current !== undefined && current.last === lineNumber) {
      current.text += ` ${cleaned}`;
    } else {
      current = { line: lineNumber, last: lineNumber, text: cleaned };
      blocks.push(current);
    }
  };
  text.split('\n').forEach((line, index) => {
    const lineNumber = index + 1;
    let position = 0;
    for (;;) {
      if (inBlock) {
        const end = line.indexOf('*/', position);
        add(lineNumber, end < 0 ? line.slice(position) : line.slice(position, end));
        if (end < 0) return;
        inBlock = false;
        position = end + 2;
        continue;
      }
      const opener = commentOpener(line, position);
      if (opener === undefined) return;
      if (opener.kind === 'line') {
        add(lineNumber, line.slice(opener.at + 2));
        return;
      }
      inBlock = true;
      position = opener.at + 2;
    }
  });
  return blocks;
}

/** The text of a Markdown file outside code fences, as one block. */
function markdownText(text) {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line.replace(/`[^`]*`/g, (code) => (/\.md\b/.test(code) ? code : ' '.repeat(code.length)));
    })
    .join('\n');
}

const headingCache = new Map();

/** A document's headings: section numbers (`3.8`) and GitHub anchors. */
function headings(path) {
  let known = headingCache.get(path);
  if (known !== undefined) return known;
  known = { numbers: new Set(), anchors: new Set() };
  let fenced = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const title = heading[1];
    const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(title);
    if (number !== null) known.numbers.add(number[1]);
    known.anchors.add(
      title
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  headingCache.set(path, known);
  return known;
}

/** The repository file a citation names, or undefined. */
function resolveDocument(cited, fromFile) {
  // A bare `risk-rules.md` is not looked up in docs/: the shared design documents number their
  // sections differently, so a citation names the repository's path (`docs/risk-rules.md`).
  const candidates = [join(root, cited), join(dirname(fromFile), cited)];
  return candidates.find((path) => path.startsWith(root) && existsSync(path) && statSync(path).isFile());
}

// `docs/risk-rules.md`, then optionally `#anchor`, or closing quotes and `§3.8`, `§3, §4`, `§5 and §6`.
const citation = /((?:[\w@.-]+\/)*[\w@-][\w@.-]*\.md)\b(#[\w-]+)?([`'")\]]*(?:\s*(?:,|and|or)?\s*§\s*\d+(?:\.\d+)*)*)/g;
const sectionNumber = /§\s*(\d+(?:\.\d+)*)/g;

function check(file, blocks, problems) {
  for (const block of blocks) {
    const where = (index) => `${relative(root, file)}:${block.line + (block.text.slice(0, index).match(/\n/g)?.length ?? 0)}`;
    const covered = [];
    for (const match of block.text.matchAll(citation)) {
      const [whole, cited, anchor, sections] = match;
      covered.push([match.index, match.index + whole.length]);
      const path = resolveDocument(cited, file);
      if (path === undefined) {
        problems.push(
          `${where(match.index)}: cites ${cited}, which is not in the repository (cite a document by its path, e.g. docs/risk-rules.md, or put it in docs/)`,
        );
        continue;
      }
      const known = headings(path);
      if (anchor !== undefined && !known.anchors.has(anchor.slice(1))) problems.push(`${where(match.index)}: ${cited} has no heading ${anchor}`);
      for (const [, number] of sections.matchAll(sectionNumber)) {
        if (!known.numbers.has(number))
          problems.push(`${where(match.index)}: ${cited} has no section ${number} (its headings number ${[...known.numbers].join(', ') || 'nothing'})`);
      }
    }
    for (const match of block.text.matchAll(/§/g)) {
      if (!covered.some(([start, end]) => match.index >= start && match.index < end))
        problems.push(`${where(match.index)}: a section sign without a document; cite it as docs/<file>.md §N`);
    }
    for (const match of block.text.matchAll(/\b(?:the )?(?:reference|spec|specification) section \d+(?:\.\d+)*/gi)) {
      problems.push(`${where(match.index)}: "${match[0]}" names no document; cite it as docs/<file>.md §N`);
    }
    for (const match of block.text.matchAll(/\bMOD-\d+/g)) {
      problems.push(`${where(match.index)}: ${match[0]} is not defined in any document; name the module's file instead`);
    }
  }
}

const problems = [];
let files = 0;
for (const folder of sourceFolders) {
  for (const file of walk(join(root, folder))) {
    // This file's own comments describe the forms it looks for.
    if (file === fileURLToPath(import.meta.url)) continue;
    files++;
    check(file, comments(readFileSync(file, 'utf8')), problems);
  }
}
const docs = join(root, 'docs');
const markdown = [
  join(root, 'README.md'),
  ...(existsSync(docs)
    ? readdirSync(docs)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(docs, name))
    : []),
];
for (const file of markdown.filter((path) => existsSync(path))) {
  files++;
  check(file, [{ line: 1, text: markdownText(readFileSync(file, 'utf8')) }], problems);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-citations: ${problems.length} citation(s) do not resolve`);
  process.exit(1);
}
console.log(`check-citations: ${files} files, every citation resolves`);
