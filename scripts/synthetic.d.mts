export const GENERATOR_VERSION: number;
export function writeSyntheticMonth(
  dir: string,
  options?: {
    messages?: number;
    orders?: number;
    days?: number;
    seed?: number;
    layout?: 'canonical' | 'taobao';
  },
): Promise<Record<'chats' | 'orders' | 'ratings', string>>;
