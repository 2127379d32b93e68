// Apex JSON support (Apex Developer Guide, "JSON Support"): System.JSON, System.JSONGenerator, System.JSONParser and
// the System.JSONToken enum.
import type { Program } from '../../runtime/program';
import { registerJsonGenerator } from './generator';
import { registerJsonClass } from './json';
import { registerJsonParser } from './parser';

export function registerJson(program: Program): void {
  registerJsonGenerator(program);
  registerJsonParser(program);
  registerJsonClass(program);
}
