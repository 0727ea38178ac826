// Fails (exit 1) when the source imports in a cycle, printing each cycle with its path.
//
// Reads every .ts / .tsx file under src-main, src-shared, src-preload and src-renderer (tests
// included) and follows the relative module specifiers of its `import ... from`, `import '...'`
// and `export ... from` statements, which the formatter starts at the beginning of a line
// (packages and non-source files such as package.json are not followed; `import()` expressions
// are not read). No parser is needed for that, and TypeScript 7 has no JavaScript API to lend one.
//
// Type-only imports (`import type`, `export type ... from`, `import { type X }`) count: a cycle
// through types is not a load-order hazard once compiled, but it still ties two modules' designs
// together (neither can be read, tested or moved without the other), which is what this check is
// for; the shared type goes to a small module of its own instead. An edge that is type-only is
// marked `(type)` in the report.
//
// Usage: node scripts/check-cycles.mjs [root]   (root defaults to the repository)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const sourceDirs = ['src-main', 'src-shared', 'src-preload', 'src-renderer'];
const extensions = ['.ts', '.tsx'];

/** Every source file under the folders, as absolute paths. */
function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.some((extension) => name.endsWith(extension))) files.push(path);
    }
  };
  for (const dir of sourceDirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return files.sort();
}

/** The source file a relative specifier names, or undefined (not a source file). */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, ...extensions.map((extension) => base + extension), ...extensions.map((extension) => join(base, `index${extension}`))];
  return candidates.find((candidate) => extensions.some((extension) => candidate.endsWith(extension)) && existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * `import` / `export` statements with a module specifier, at the start of a line: the keyword, an
 * optional `type`, the clause (which may span lines, never a quote or a semicolon), the specifier.
 * A side-effect import has no clause and no `from`.
 */
const statementPattern = /^(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s*\bfrom\s*)?(['"])([^'"\n]+)\3/gm;

/** Whether a statement's clause brings in types only (`import type`, or `{ type A, type B }` alone). */
function typeOnly(typeKeyword, clause) {
  if (typeKeyword !== undefined) return true;
  const named = /^\{([^}]*)\}$/.exec((clause ?? '').trim());
  if (named === null) return false;
  const elements = named[1]
    .split(',')
    .map((element) => element.trim())
    .filter((element) => element.length > 0);
  return elements.length > 0 && elements.every((element) => /^type\s/.test(element));
}

/** file -> Map(imported file -> type-only?) for the relative imports of every source file. */
function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const edges = new Map();
    for (const [, typeKeyword, clause, , specifier] of readFileSync(file, 'utf8').matchAll(statementPattern)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveSpecifier(file, specifier);
      if (target === undefined) continue;
      // A value import anywhere makes the edge a value edge.
      edges.set(target, (edges.get(target) ?? true) && typeOnly(typeKeyword, clause));
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components (Tarjan, iterative) with more than one file or a self-import. */
function cyclicComponents(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, [...graph.get(start).keys()], 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      if (frame[2] < next.length) {
        const target = next[frame[2]++];
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push([target, [...graph.get(target).keys()], 0]);
        } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) !== index.get(node)) continue;
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).has(node)) components.push(component.sort());
    }
  }
  return components;
}

/** The shortest cycle through `start` inside the component, as a list of files ending at `start`. */
function shortestCycle(graph, component, start) {
  const members = new Set(component);
  const previous = new Map();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const target of graph.get(node).keys()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (previous.has(target)) continue;
      previous.set(target, node);
      queue.push(target);
    }
  }
  return [start, start];
}

const graph = importGraph(sourceFiles());
const components = cyclicComponents(graph);
const name = (file) => relative(root, file).split('\\').join('/');
if (components.length === 0) {
  console.log(`check-cycles: no import cycles among ${graph.size} files`);
} else {
  for (const component of components) {
    const cycle = shortestCycle(graph, component, component[0]);
    const steps = cycle.map((file, step) => (step === 0 ? name(file) : `${graph.get(cycle[step - 1]).get(file) ? '(type) ' : ''}-> ${name(file)}`));
    console.error(`import cycle: ${steps.join(' ')}`);
    if (component.length > cycle.length - 1) console.error(`  (${component.length} files in this cycle group: ${component.map(name).join(', ')})`);
  }
  console.error(`check-cycles: ${components.length} import cycle group(s); move what the files share to a module of its own`);
  process.exit(1);
}
