import { specFor } from '../../common/testing/given-when-then';
import { user } from '../../auth/user.state';
import { decideEnsureAdmin } from './ensure-admin.decide';

const spec = specFor(user, decideEnsureAdmin);

describe('ensure the bootstrap admin', () => {
  it('registers the admin on first start', () => {
    spec
      .given([])
      .when('hash-1')
      .then([
        {
          type: 'UserRegistered',
          data: { userId: 'admin', name: 'Administrator', role: 'admin', townships: [], tokenHash: 'hash-1' },
        },
      ]);
  });

  it('records nothing when the token is unchanged, and a replacement when it changed', () => {
    const registered = spec.given([
      {
        type: 'UserRegistered',
        data: { userId: 'admin', name: 'Administrator', role: 'admin', townships: [], tokenHash: 'hash-1' },
      },
    ]);
    registered.when('hash-1').then([]);
    registered.when('hash-2').then([
      {
        type: 'UserTokenReplaced',
        data: { userId: 'admin', tokenHash: 'hash-2', reason: 'the configured admin token changed' },
      },
    ]);
  });
});
