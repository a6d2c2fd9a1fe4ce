export const EXAMPLE_SIZE: { messages: number; orders: number; days: number; seed: number; layout: string };
export function writeExamples(dir?: string): Promise<Record<'chats' | 'orders' | 'ratings', string>>;
