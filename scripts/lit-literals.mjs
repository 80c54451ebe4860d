// @ts-check
// Minifies the static text of Lit's css`…` and html`…` tagged templates, in place, by position:
// every build of @bianmin/elements applies it (scripts/kit-build.mjs: the esbuild builds of
// `npm run size`, the embed bundles and the browser tests' bundles; scripts/minify-dist.mjs: the
// per-module ESM that tsc writes to packages/elements/dist).
//
// The templates are found with TypeScript's parser (for .ts and .js alike): a tagged template whose
// tag is the local name of `css` or `html` imported from 'lit' (or lit-html / lit-element). Only the
// raw text between `${…}` expressions changes; expressions (and templates nested in them, which are
// rewritten on their own) and everything outside the literals stay byte for byte. The raw text is
// read escape by escape, so `\\2014` or `\`` are never split, and a literal holding an escape that
// has no cooked value is left alone.
//
// css: comments go (unless that would join two tokens); runs of whitespace become one space, or
// nothing next to `{ } ; ,`, after a colon (`color:red`, `(min-width:40em)`; a selector's colon is
// never followed by whitespace) and before `!important`; a `;` before `}` goes. Strings, url(…),
// CSS escapes and the spaces between words (`.a .b`, `a :hover`, `1px solid`, `calc(a + b)`) stay.
// A literal's leading whitespace stays as one space (it may be interpolated into another literal).
//
// html: a run of spaces, tabs and line breaks that holds a line break becomes one line break in
// text, and one space between attributes. Where white-space collapses (the kit styles nothing
// `white-space: pre*`, which a test checks), the line break renders exactly as the run did in every
// engine: spaces and tabs around a line break are dropped, and the line break renders as a space,
// or as nothing between two CJK characters (CSS Text's segment-break rules, which Firefox applies;
// a space there would show). In quoted attribute values only class, part, exportparts and style
// (whitespace-separated lists, CSS) are touched, and comments are left as written. Nothing is
// trimmed at a template's start or end: a template can be rendered inline, into a slot or under
// :empty, where even whitespace counts. Literals containing <pre, <textarea, <script or <style
// are left alone, and so are html literals nested in one containing <pre (they may render inside it).
import ts from 'typescript';

/**
 * Replace `code.slice(start, end)` with `text`.
 * @typedef {{ start: number; end: number; text: string }} Edit
 */

/**
 * One source character or one escape sequence of a template's raw text, and what it stands for.
 * @typedef {{ raw: string; cooked: string }} Unit
 */

const LIT_MODULES = new Set(['lit', 'lit-html', 'lit-element']);

/**
 * Rewrites the css`` and html`` literals of one module.
 *
 * @param {string} code the module's text
 * @param {string} fileName its name: `.ts`/`.tsx`/`.mts` parse as TypeScript, anything else as JavaScript
 * @returns {{ code: string; edits: Edit[] }} the new text, and the replacements made (ascending, in `code`'s offsets)
 */
export function minifyLiterals(code, fileName) {
  if (!code.includes('lit')) return { code, edits: [] };
  const kind = /\.[cm]?tsx?$/.test(fileName) ? (fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  // A module the parser could not read is shipped as written.
  const { parseDiagnostics } = /** @type {{ parseDiagnostics?: readonly unknown[] }} */ (/** @type {unknown} */ (sf));
  if (parseDiagnostics && parseDiagnostics.length > 0) return { code, edits: [] };
  const tags = litTags(sf);
  if (tags.size === 0) return { code, edits: [] };

  /** @type {Edit[]} */
  const edits = [];
  /**
   * @param {ts.Node} node
   * @param {boolean} inPre inside an html literal that contains <pre
   */
  const visit = (node, inPre) => {
    let nested = inPre;
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && !node.typeArguments) {
      const tag = tags.get(node.tag.text);
      if (tag) {
        const parts = staticParts(code, node.template, sf);
        const units = parts && parts.map((p) => toUnits(code.slice(p.start, p.end)));
        if (parts && units && units.every((u) => u !== null)) {
          const us = /** @type {Unit[][]} */ (units);
          const text = us.map((u) => u.map((x) => x.cooked).join('')).join('\u0000');
          if (tag === 'html' && /<pre(?![\w-])/i.test(text)) nested = true;
          const out = tag === 'css' ? minifyCss(us) : inPre || RAW_TEXT.test(text) ? null : minifyHtml(us);
          if (out) {
            parts.forEach((p, i) => {
              if (out[i] !== code.slice(p.start, p.end)) edits.push({ start: p.start, end: p.end, text: /** @type {string} */ (out[i]) });
            });
          }
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, nested));
  };
  visit(sf, false);
  edits.sort((a, b) => a.start - b.start);
  return { code: applyEdits(code, edits), edits };
}

/** Elements whose text is not collapsed HTML text (or is preformatted): a literal holding one is left alone. */
const RAW_TEXT = /<(?:pre|textarea|script|style)(?![\w-])/i;

/**
 * Local names of `css` and `html` imported from Lit (`import { html as h } from 'lit'` counts as h).
 *
 * @param {ts.SourceFile} sf
 * @returns {Map<string, 'css' | 'html'>}
 */
function litTags(sf) {
  /** @type {Map<string, 'css' | 'html'>} */
  const tags = new Map();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !LIT_MODULES.has(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    for (const el of clause.namedBindings.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (!el.isTypeOnly && (imported === 'css' || imported === 'html')) tags.set(el.name.text, imported);
    }
  }
  return tags;
}

/**
 * Where each static part's raw text is in `code` (between the backtick or `}` and the `${` or backtick).
 * null if the positions do not give back the parser's raw text (never expected; then the literal is left alone).
 *
 * @param {string} code
 * @param {ts.TemplateLiteral} template
 * @param {ts.SourceFile} sf
 * @returns {{ start: number; end: number }[] | null}
 */
function staticParts(code, template, sf) {
  /** @type {[ts.TemplateLiteralLikeNode, number][]} node and the length of what closes it (`${` or a backtick) */
  const nodes = ts.isNoSubstitutionTemplateLiteral(template)
    ? [[template, 1]]
    : [[template.head, 2], ...template.templateSpans.map((s) => /** @type {[ts.TemplateLiteralLikeNode, number]} */ ([s.literal, ts.isTemplateTail(s.literal) ? 1 : 2]))];
  const parts = nodes.map(([node, close]) => ({ start: node.getStart(sf) + 1, end: node.end - close }));
  const ok = nodes.every(([node], i) => {
    const part = /** @type {{ start: number; end: number }} */ (parts[i]);
    return node.rawText === undefined || node.rawText === code.slice(part.start, part.end).replace(/\r\n?/g, '\n');
  });
  return ok ? parts : null;
}

const HEX = /^[0-9a-f]$/i;

/**
 * Splits a template's raw text into units: one character (CR LF counts as one), or one escape
 * sequence, each with its cooked value. null when an escape has no cooked value (`\1`, `\x`, …).
 *
 * @param {string} raw
 * @returns {Unit[] | null}
 */
export function toUnits(raw) {
  /** @type {Unit[]} */
  const out = [];
  let i = 0;
  while (i < raw.length) {
    const c = /** @type {string} */ (raw[i]);
    if (c === '\r') {
      const n = raw[i + 1] === '\n' ? 2 : 1;
      out.push({ raw: raw.slice(i, i + n), cooked: '\n' });
      i += n;
      continue;
    }
    if (c !== '\\') {
      out.push({ raw: c, cooked: c });
      i += 1;
      continue;
    }
    const e = raw[i + 1];
    if (e === undefined) return null;
    /** @type {string | null} */
    let cooked = null;
    let len = 2;
    if (e === '\r') {
      cooked = '';
      len = raw[i + 2] === '\n' ? 3 : 2;
    } else if (e === '\n' || e === '\u2028' || e === '\u2029') {
      cooked = '';
    } else if (SIMPLE.has(e)) {
      cooked = /** @type {string} */ (SIMPLE.get(e));
    } else if (e === '0') {
      cooked = /[0-9]/.test(raw[i + 2] ?? '') ? null : '\0';
    } else if (/[1-9]/.test(e)) {
      cooked = null;
    } else if (e === 'x') {
      const h = raw.slice(i + 2, i + 4);
      if (/^[0-9a-f]{2}$/i.test(h)) {
        cooked = String.fromCharCode(parseInt(h, 16));
        len = 4;
      }
    } else if (e === 'u') {
      const braced = /^\{([0-9a-f]+)\}/i.exec(raw.slice(i + 2));
      const four = raw.slice(i + 2, i + 6);
      if (braced) {
        const cp = parseInt(/** @type {string} */ (braced[1]), 16);
        if (cp <= 0x10ffff) {
          cooked = String.fromCodePoint(cp);
          len = 2 + braced[0].length;
        }
      } else if (/^[0-9a-f]{4}$/i.test(four)) {
        cooked = String.fromCharCode(parseInt(four, 16));
        len = 6;
      }
    } else {
      // Any other character stands for itself (`\``, `\$`, `\\`, `\'`, …); take a whole surrogate pair.
      const cp = /** @type {number} */ (raw.codePointAt(i + 1));
      cooked = String.fromCodePoint(cp);
      len = 1 + cooked.length;
    }
    if (cooked === null) return null;
    out.push({ raw: raw.slice(i, i + len), cooked });
    i += len;
  }
  return out;
}

const SIMPLE = new Map([
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
]);

/**
 * @param {string} code
 * @param {readonly Edit[]} edits ascending, not overlapping
 */
function applyEdits(code, edits) {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + code.slice(at);
}

// ─── css ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * A piece of a css literal. `expr` stands for a `${…}` (and the literal's start and end are read
 * like one: text we cannot see). `keep` pieces are copied as written: strings, url(…), CSS escapes,
 * and comments or strings that run across an expression.
 *
 * @typedef {{ kind: 'ws' | 'comment' | 'keep' | 'escape' | 'char' | 'expr'; part: number; units: Unit[]; c: string }} CssPiece
 */

const CSS_WS = new Set([' ', '\t', '\n', '\r', '\f']);

/**
 * Minifies the static parts of one css literal (its raw text, as units). Returns the new raw text of each part.
 *
 * @param {Unit[][]} parts
 * @returns {string[]}
 */
export function minifyCss(parts) {
  const pieces = cssPieces(parts);
  const out = parts.map(() => '');
  /** @type {(i: number) => CssPiece | undefined} */
  const at = (i) => pieces[i];
  const isGap = (/** @type {CssPiece | undefined} */ p) => p !== undefined && (p.kind === 'ws' || p.kind === 'comment');
  const isChar = (/** @type {CssPiece | undefined} */ p, /** @type {string} */ chars) =>
    p !== undefined && p.kind === 'char' && p.c.length === 1 && chars.includes(p.c);
  /** Output of each piece (gaps decided as a whole, below). */
  const text = pieces.map((p) => p.units.map((u) => u.raw).join(''));

  let i = 0;
  while (i < pieces.length) {
    if (!isGap(at(i))) {
      i += 1;
      continue;
    }
    let j = i;
    while (isGap(at(j))) j += 1;
    // pieces[i..j) is a gap between prev and next (undefined: the literal's start or end).
    const prev = at(i - 1);
    const next = at(j);
    const hasWs = pieces.slice(i, j).some((p) => p.kind === 'ws');
    /** @type {string | null} null: keep the gap as written */
    let gap;
    const afterColon = isChar(prev, ':');
    if (prev?.kind === 'escape' && pieces[i]?.kind === 'comment') gap = null; // `\31/**/ a`: a space would end the escape
    else if (afterColon && (next === undefined || next.kind === 'expr' || isChar(next, ';}'))) gap = hasWs ? ' ' : null; // `--x: ;` (an empty value needs its space in older engines)
    else if (isChar(prev, '{};,') || isChar(next, '{};,')) gap = ''; // whitespace next to these never matters
    else if (afterColon || isChar(next, '!')) gap = hasWs ? '' : null;
    else gap = hasWs ? ' ' : null;
    if (gap !== null) {
      for (let k = i; k < j; k++) text[k] = '';
      // A gap never spans an expression, so its pieces share one part.
      text[i] = gap;
    }
    i = j;
  }
  // A `;` right before `}` is not needed (right to left, so `;;}` loses both).
  for (let k = pieces.length - 1; k >= 0; k--) {
    if (!isChar(at(k), ';')) continue;
    let n = k + 1;
    while ((isGap(at(n)) || isChar(at(n), ';')) && text[n] === '') n += 1;
    if (isChar(at(n), '}')) text[k] = '';
  }
  pieces.forEach((p, k) => {
    out[p.part] = `${out[p.part] ?? ''}${text[k] ?? ''}`;
  });
  return out;
}

/**
 * @param {Unit[][]} parts
 * @returns {CssPiece[]}
 */
function cssPieces(parts) {
  /** @type {CssPiece[]} */
  const pieces = [];
  /** What is open across an expression: a comment, a string (its quote) or an unquoted url(. */
  /** @type {null | '*' | '"' | "'" | ')'} */
  let open = null;
  parts.forEach((us, part) => {
    if (part > 0) pieces.push({ kind: 'expr', part, units: [], c: '' });
    const c = (/** @type {number} */ k) => us[k]?.cooked ?? '';
    let i = 0;
    /** Consumes up to and including what closes `open`, from i; returns whether it closed. */
    const close = (/** @type {'*' | '"' | "'" | ')'} */ what) => {
      while (i < us.length) {
        const ch = c(i);
        if (what === '*') {
          if (ch === '*' && c(i + 1) === '/') {
            i += 2;
            return true;
          }
          i += 1;
          continue;
        }
        if (ch === '\\') {
          i += 2;
          continue;
        }
        // An unescaped line break ends a string (a bad string, as CSS reads it) without being part of it.
        if (what !== ')' && ch === '\n') return true;
        i += 1;
        if (ch === what) return true;
      }
      i = Math.min(i, us.length);
      return false;
    };
    if (open) {
      const start = i;
      const closed = close(open);
      pieces.push({ kind: 'keep', part, units: us.slice(start, i), c: '' });
      if (closed) open = null;
    }
    while (i < us.length) {
      const start = i;
      const ch = c(i);
      /** @type {CssPiece['kind']} */
      let kind = 'char';
      if (CSS_WS.has(ch)) {
        while (i < us.length && CSS_WS.has(c(i))) i += 1;
        kind = 'ws';
      } else if (ch === '/' && c(i + 1) === '*') {
        i += 2;
        const closed = close('*');
        kind = closed ? 'comment' : 'keep';
        if (!closed) open = '*';
      } else if (ch === '"' || ch === "'") {
        i += 1;
        if (!close(ch)) open = ch;
        kind = 'keep';
      } else if (ch === '\\') {
        // A CSS escape: up to six hex digits and the one whitespace that ends them, or one character.
        i += 1;
        if (HEX.test(c(i))) {
          let n = 0;
          while (n < 6 && HEX.test(c(i))) {
            i += 1;
            n += 1;
          }
          if (CSS_WS.has(c(i))) i += 1;
        } else if (i < us.length && c(i) !== '\n') {
          i += 1;
        }
        kind = 'escape';
      } else if (/^url\($/i.test(us.slice(i, i + 4).map((u) => u.cooked).join('')) && !/[\w-]/.test(c(i - 1))) {
        // url( with an unquoted address is one token, whatever it holds (`/*` included).
        i += 4;
        let k = i;
        while (CSS_WS.has(c(k))) k += 1;
        if (c(k) !== '"' && c(k) !== "'" && !close(')')) open = ')';
        kind = 'keep';
      } else {
        i += 1;
      }
      pieces.push({ kind, part, units: us.slice(start, i), c: kind === 'char' ? ch : '' });
    }
  });
  return pieces;
}

// ─── html ────────────────────────────────────────────────────────────────────────────────────────

/** Attributes whose value is a whitespace-separated list or CSS: a line break in them can be collapsed. */
const LIST_ATTRIBUTES = new Set(['class', 'part', 'exportparts', 'style']);

/**
 * Collapses each run of spaces, tabs and line breaks that holds a line break: into one line break
 * in text, into one space between attributes and in the values of LIST_ATTRIBUTES; comments and
 * other attribute values are left as written. Returns the new raw text of each part.
 *
 * @param {Unit[][]} parts
 * @returns {string[]}
 */
export function minifyHtml(parts) {
  /** @type {'text' | 'tag' | 'comment' | '"' | "'"} */
  let state = 'text';
  /** The cooked text of the tag being read, from its `<` (an expression reads as NUL). */
  let tag = '';
  /** Whether line breaks in the quoted value being read may be collapsed. */
  let collapseValue = false;
  return parts.map((us, part) => {
    if (part > 0 && state !== 'text' && state !== 'comment') tag += '\0';
    const c = (/** @type {number} */ k) => us[k]?.cooked ?? '';
    /** The raw text of units [from, to). */
    const raw = (/** @type {number} */ from, /** @type {number} */ to) => us.slice(from, to).map((u) => u.raw).join('');
    let out = '';
    let i = 0;
    while (i < us.length) {
      const ch = c(i);
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        const start = i;
        let breaks = false;
        while (i < us.length && /^[ \t\n\r]$/.test(c(i))) {
          breaks ||= c(i) === '\n' || c(i) === '\r';
          i += 1;
        }
        const run = raw(start, i);
        const quoted = state === '"' || state === "'";
        // In text a line break renders exactly as the run did; between attributes and in a list value, nothing renders.
        if (breaks && state === 'text') out += '\n';
        else if (breaks && (state === 'tag' || (quoted && collapseValue))) out += ' ';
        else out += run;
        if (state === 'tag') tag += ' ';
        continue;
      }
      if (state === 'text') {
        if (ch === '<' && c(i + 1) === '!' && c(i + 2) === '-' && c(i + 3) === '-') {
          state = 'comment';
          out += raw(i, i + 4);
          i += 4;
          continue;
        }
        if (ch === '<' && /^[a-z/!?]$/i.test(c(i + 1))) {
          state = 'tag';
          tag = '';
        }
      } else if (state === 'comment') {
        if (ch === '-' && c(i + 1) === '-' && c(i + 2) === '>') {
          state = 'text';
          out += raw(i, i + 3);
          i += 3;
          continue;
        }
      } else if (state === 'tag') {
        if (ch === '>') {
          state = 'text';
        } else if (ch === '"' || ch === "'") {
          state = ch;
          const name = /([^\s"'>/=\0]+)\s*=\s*$/.exec(tag)?.[1] ?? '';
          collapseValue = LIST_ATTRIBUTES.has(name.toLowerCase());
        }
        tag += ch;
      } else if (ch === state) {
        state = 'tag';
        tag += ch;
      }
      out += raw(i, i + 1);
      i += 1;
    }
    return out;
  });
}

// ─── source maps ─────────────────────────────────────────────────────────────────────────────────

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map's `mappings` decoded: per generated line, its segments with absolute values
 * ([column] or [column, source, line, column] or [column, source, line, column, name]).
 *
 * @param {string} mappings
 * @returns {number[][][]}
 */
export function decodeMappings(mappings) {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    if (line === '') return [];
    return line.split(',').map((seg) => {
      /** @type {number[]} */
      const values = [];
      let shift = 0;
      let value = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        if (d < 0) throw new Error(`source map: bad character ${JSON.stringify(ch)} in mappings`);
        value += (d & 31) << shift;
        if (d & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          shift = 0;
          value = 0;
        }
      }
      return values.map((v, k) => (state[k] = /** @type {number} */ (state[k]) + v));
    });
  });
}

/**
 * @param {number[][][]} lines as decodeMappings returns them
 * @returns {string}
 */
export function encodeMappings(lines) {
  const state = [0, 0, 0, 0, 0];
  return lines
    .map((segs) => {
      state[0] = 0;
      return segs
        .map((seg) =>
          seg
            .map((v, k) => {
              let d = v - /** @type {number} */ (state[k]);
              state[k] = v;
              let vlq = d < 0 ? (-d << 1) | 1 : d << 1;
              let s = '';
              do {
                d = vlq & 31;
                vlq >>>= 5;
                s += B64[vlq > 0 ? d | 32 : d];
              } while (vlq > 0);
              return s;
            })
            .join(''),
        )
        .join(',');
    })
    .join(';');
}

/**
 * Moves a source map's generated positions from `before` to `after` (= `before` with `edits`
 * applied). A position inside a replaced range moves to the range's start.
 *
 * @param {string} mappings the map's `mappings` for `before`
 * @param {string} before
 * @param {string} after
 * @param {readonly Edit[]} edits ascending
 * @returns {string} `mappings` for `after`
 */
export function remapMappings(mappings, before, after, edits) {
  const oldStarts = lineStarts(before);
  const newStarts = lineStarts(after);
  const out = /** @type {number[][][]} */ (newStarts.map(() => []));
  let e = 0;
  let delta = 0;
  decodeMappings(mappings).forEach((segs, line) => {
    for (const seg of segs) {
      const offset = /** @type {number} */ (oldStarts[line]) + /** @type {number} */ (seg[0]);
      // Segments come in ascending offsets, so the edits are walked once.
      while (e < edits.length && /** @type {Edit} */ (edits[e]).end <= offset) {
        const done = /** @type {Edit} */ (edits[e]);
        delta += done.text.length - (done.end - done.start);
        e += 1;
      }
      const inside = edits[e] !== undefined && /** @type {Edit} */ (edits[e]).start < offset;
      const moved = (inside ? /** @type {Edit} */ (edits[e]).start : offset) + delta;
      let nl = 0;
      let hi = newStarts.length - 1;
      while (nl < hi) {
        const mid = (nl + hi + 1) >> 1;
        if (/** @type {number} */ (newStarts[mid]) <= moved) nl = mid;
        else hi = mid - 1;
      }
      const target = /** @type {number[][]} */ (out[nl]);
      const column = moved - /** @type {number} */ (newStarts[nl]);
      if (target.at(-1)?.[0] !== column) target.push([column, ...seg.slice(1)]);
    }
  });
  return encodeMappings(out);
}

/** @param {string} text */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
