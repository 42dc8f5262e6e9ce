import { describe, expect, it } from 'vitest';
import { trackedRecipients } from '../../../lib/mail/never-track';
import { clientMailKeys } from '../../../lib/mail/client-addresses';

describe('which recipients a letter is tracked for', () => {
  it('leaves out the sender’s own company and the sender, but keeps clients', () => {
    expect(trackedRecipients(['Petrov@Vector.example', 'boss@acme.test', 'ann@acme.test'], [], 'ann@acme.test')).toEqual(['petrov@vector.example']);
  });

  it('treats a free mailbox as nobody’s company: a Gmail sender still tracks other Gmail users', () => {
    expect(trackedRecipients(['client@gmail.com', 'me@gmail.com'], [], 'me@gmail.com')).toEqual(['client@gmail.com']);
  });

  it('never tracks a listed address, or a listed domain and its subdomains', () => {
    const never = ['partner@agency.example', '@lawyers.example', 'holding.example'];
    const to = ['partner@agency.example', 'other@agency.example', 'a@lawyers.example', 'b@msk.holding.example', 'c@notholding.example'];
    expect(trackedRecipients(to, never, null)).toEqual(['other@agency.example', 'c@notholding.example']);
  });

  it('lists each address once and skips what is not an address', () => {
    expect(trackedRecipients(['x@y.example', ' X@Y.example ', 'undisclosed-recipients:;', ''], [], null)).toEqual(['x@y.example']);
  });
});

describe('what links a letter to a client', () => {
  it('takes contacts’ addresses, and company domains but not free mailboxes', () => {
    const keys = clientMailKeys({
      contacts: [
        { name: 'Пётр', phones: [], emails: ['Petrov@Vector.example', 'petrov@vector.example', 'p.petrov@mail.ru'] },
        { name: 'Bad', phones: [], emails: ['not an address', `${'a'.repeat(400)}@x.example`] },
      ],
    });
    expect(keys).toEqual({ mailAddresses: ['petrov@vector.example', 'p.petrov@mail.ru'], mailDomains: ['vector.example'] });
  });
});
