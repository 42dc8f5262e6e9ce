import { describe, expect, it } from 'vitest';
import { addressesFromList } from '../../../../lib/adapters/mail/address-list';
import { appendToHtml } from '../../../../lib/adapters/mail/append-to-html';
import { formBodyFromEntries, readFormFields, replaceFormField } from '../../../../lib/adapters/mail/form-body';

describe('form bodies changed in one field only', () => {
  it('keeps `%20`, `&&`, empty and value-less fields exactly as the webmail wrote them', () => {
    const body = 'a=1&&to=%22I%20P%22%20%3Ci%40r.test%3E&flag&send=%3Cb%3Ehi%3C%2Fb%3E&z=';
    const after = replaceFormField(body, 'send', (v) => `${v}<img>`)!;
    expect(after).toBe('a=1&&to=%22I%20P%22%20%3Ci%40r.test%3E&flag&send=%3Cb%3Ehi%3C%2Fb%3E%3Cimg%3E&z=');
    expect(replaceFormField(body, 'flag', () => 'x y')).toBe('a=1&&to=%22I%20P%22%20%3Ci%40r.test%3E&flag=x+y&send=%3Cb%3Ehi%3C%2Fb%3E&z=');
    expect(readFormFields(after, ['to', 'send', 'missing'])).toEqual(new Map([['to', '"I P" <i@r.test>'], ['send', '<b>hi</b><img>']]));
  });

  it('refuses a repeated, missing or malformed field instead of guessing', () => {
    expect(replaceFormField('send=a&send=b', 'send', (v) => v)).toBeNull();
    expect(replaceFormField('x=1', 'send', (v) => v)).toBeNull();
    expect(replaceFormField('send=%E0%A4%A', 'send', (v) => v)).toBeNull();
    expect(replaceFormField('send=a', 'send', () => null)).toBeNull();
  });

  it('encodes like URLSearchParams and never throws on lone surrogates', () => {
    expect(formBodyFromEntries([['a b', "x~!'()*"]])).toBe(new URLSearchParams([['a b', "x~!'()*"]]).toString());
    expect(() => replaceFormField('send=a', 'send', () => '\uD800\u0000')).not.toThrow();
    expect(readFormFields(replaceFormField('send=a', 'send', () => '\uD800\u0000')!, ['send'])?.get('send')).toBe('\uFFFD\u0000');
  });
});

describe('header-style address lists', () => {
  it('splits on commas and semicolons outside quotes and brackets', () => {
    expect(addressesFromList('"Петров, Иван" <Ivan@R.test>; buh@r.test, Olga <olga@v.test>, not-an-address, <>, ivan@r.test')).toEqual(['ivan@r.test', 'buh@r.test', 'olga@v.test']);
    expect(addressesFromList('')).toEqual([]);
    expect(addressesFromList(`${'a@b.test,'.repeat(100_000)}\u0000`)).toEqual(['a@b.test']);
  });
});

describe('the pixel at the end of the letter', () => {
  it('goes before the last </body>, or at the end of a fragment, once', () => {
    expect(appendToHtml('<html><body><p>x</p></BODY></html>', '<i>')).toBe('<html><body><p>x</p><i></BODY></html>');
    expect(appendToHtml('<p>x</p>', '<i>')).toBe('<p>x</p><i>');
    expect(appendToHtml('<p>x</p><i>', '<i>')).toBe('<p>x</p><i>');
  });
});
