import { describe, expect, it } from 'vitest';
import { nameComparer } from './nameOrder';

const NAMES = ['张三', '小美', '阿杰'];

describe('the order of agents', () => {
  it('is pinyin where the runtime has Chinese collation, as Node and Chromium do', () => {
    expect(Intl.Collator.supportedLocalesOf(['zh-CN'])).toEqual(['zh-CN']);
    expect([...NAMES].sort(nameComparer())).toEqual(['阿杰', '小美', '张三']);
  });

  it('is by code point, not the machine’s default locale, where it has none', () => {
    expect([...NAMES].sort(nameComparer(false))).toEqual(['小美', '张三', '阿杰']);
  });
});
