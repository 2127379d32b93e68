// One apex-parser parse of the project's Apex, shared by the checks that walk the tree (the JavaScript ANTLR
// parser takes seconds on the whole package, so the soql layer parses once for both of its rules).
import { readFileSync } from 'node:fs';
import {
  ApexErrorListener,
  ApexParserFactory,
  type CompilationUnitContext,
  type TriggerUnitContext,
} from '@apexdevtools/apex-parser';

/** A class or trigger file and its parse tree. */
export interface ApexTree {
  file: string;
  tree: CompilationUnitContext | TriggerUnitContext;
}

class CountingListener extends ApexErrorListener {
  errors = 0;
  apexSyntaxError(): void {
    this.errors += 1;
  }
}

/** Parses `.cls` and `.trigger` files; files with syntax errors are left out (the syntax layer reports them). */
export function parseApexFiles(files: string[]): ApexTree[] {
  const trees: ApexTree[] = [];
  for (const file of files) {
    const listener = new CountingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
    const tree = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    if (listener.errors === 0) trees.push({ file, tree });
  }
  return trees;
}
