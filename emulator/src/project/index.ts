// Public entry of the project readers: `loadProject(dir)` and the typed metadata records.
export { loadProject, readSfdxProject } from './loadProject';
export { objectNameKind } from './objects';
export { ProjectLoadError } from './xml';
export type * from './types';
