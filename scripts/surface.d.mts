export const GLOBAL_NAME: string;
export function readBuiltins(file?: URL | string): Set<string>;
export function validateSurface(surface: unknown, builtins: Set<string>): string[];
export function renderCustomFunctionStub(spec: unknown): string;
export function renderStubs(surface: unknown): string;
export function stubNames(surface: unknown): string[];
