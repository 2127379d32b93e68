// Which lines of a class count for code coverage: every line that starts a statement or a field initialiser
// (Apex Developer Guide, "Code Coverage Best Practices": coverage counts executable lines; declarations,
// comments and braces do not count). Test classes are left out of coverage, as in an org.
import type * as A from '../apex/ast';
import { lowerCompilationUnit, lowerTrigger } from '../apex/lower';
import { parseClassSource, parseTriggerSource } from '../apex/parse';

function walkStmt(s: A.Stmt, lines: Set<number>): void {
  if (s.kind !== 'block') lines.add(s.loc.line);
  switch (s.kind) {
    case 'block':
      for (const x of s.stmts) walkStmt(x, lines);
      return;
    case 'if':
      walkStmt(s.then, lines);
      if (s.else) walkStmt(s.else, lines);
      return;
    case 'while':
    case 'for':
    case 'foreach':
      if (s.body) walkStmt(s.body, lines);
      return;
    case 'dowhile':
      walkStmt(s.body, lines);
      return;
    case 'switch':
      for (const w of s.whens) walkStmt(w.body, lines);
      return;
    case 'try':
      walkStmt(s.body, lines);
      for (const c of s.catches) walkStmt(c.body, lines);
      if (s.finally) walkStmt(s.finally, lines);
      return;
    case 'runas':
      walkStmt(s.body, lines);
      return;
    default:
      return;
  }
}

function walkMembers(members: A.MemberDecl[], lines: Set<number>): void {
  for (const m of members) {
    switch (m.kind) {
      case 'method':
        if (m.body) walkStmt(m.body, lines);
        break;
      case 'constructor':
        walkStmt(m.body, lines);
        break;
      case 'initializer':
        walkStmt(m.body, lines);
        break;
      case 'field':
        for (const d of m.declarators) if (d.init) lines.add(d.loc.line);
        break;
      case 'property':
        if (m.getter?.body) walkStmt(m.getter.body, lines);
        if (m.setter?.body) walkStmt(m.setter.body, lines);
        break;
      case 'class':
        walkMembers(m.members, lines);
        break;
      default:
        break;
    }
  }
}

export function executableLines(
  source: string,
  file: string,
  isTrigger: boolean,
): { lines: number[]; isTest: boolean } {
  const lines = new Set<number>();
  if (isTrigger) {
    const decl = lowerTrigger(parseTriggerSource(source, file), file);
    walkMembers(decl.members, lines);
    walkStmt(decl.body, lines);
    return { lines: [...lines].sort((a, b) => a - b), isTest: false };
  }
  const decl = lowerCompilationUnit(parseClassSource(source, file), file);
  const isTest = decl.mods.annotations.some((a) => a.name.toLowerCase() === 'istest');
  if (decl.kind === 'class') walkMembers(decl.members, lines);
  return { lines: [...lines].sort((a, b) => a - b), isTest };
}
