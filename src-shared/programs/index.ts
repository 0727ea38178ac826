/**
 * Topstep's programs: the dated figures of data/topstep-programs.json, detection of an account's
 * program, and the arithmetic of the program rules (floor, scaling, consistency).
 */
export * from './program-math';
export * from './topstep-programs';
