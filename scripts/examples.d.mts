export const EXAMPLE_SIZE: { messages: number; orders: number; days: number; seed: number };
export function writeExamples(dir?: string): Promise<string>;
