import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DFE_DIR_ENV,
  defaultDfeDir,
  dfeDir,
  isDfePath,
  isDfeSchemePath,
  resolveDfePath,
} from '../../src/engine/data/ees/index.js';
import { DFE_DIR, FILES, REPO } from './dfe-files.js';

describe('the DfE data folder setting', () => {
  it('defaults to ../shared/data/dfe beside the repo', () => {
    assert.equal(defaultDfeDir(), resolve(REPO, '..', 'shared', 'data', 'dfe'));
  });

  it('prefers an explicit setting, then SCORECARD_DFE_DIR, then the default', () => {
    const env = { [DFE_DIR_ENV]: '/from/env' };
    assert.equal(dfeDir('/explicit', env), resolve('/explicit'));
    assert.equal(dfeDir(undefined, env), resolve('/from/env'));
    assert.equal(dfeDir('  ', {}), defaultDfeDir());
  });

  it('resolves dfe/ paths against the folder and leaves other paths to the caller', () => {
    assert.equal(resolveDfePath('dfe/x.csv', '/data/dfe'), join(resolve('/data/dfe'), 'x.csv'));
    assert.equal(
      resolveDfePath('dfe\\sub\\x.csv', '/data/dfe'),
      join(resolve('/data/dfe'), 'sub', 'x.csv'),
    );
    assert.equal(resolveDfePath('data/x.csv', '/data/dfe'), undefined);
    assert.equal(resolveDfePath('../dfe/x.csv', '/data/dfe'), undefined);
    assert.equal(isDfePath('dfe/x.csv'), true);
    assert.equal(isDfePath('dfex.csv'), false);
  });

  it('resolves dfe:NAME.csv against the folder, in any case', () => {
    assert.equal(resolveDfePath('dfe:x.csv', '/data/dfe'), join(resolve('/data/dfe'), 'x.csv'));
    assert.equal(
      resolveDfePath(' DFE:sub/x.csv', '/data/dfe'),
      join(resolve('/data/dfe'), 'sub', 'x.csv'),
    );
    assert.equal(isDfeSchemePath('dfe:x.csv'), true);
    assert.equal(isDfeSchemePath('dfe/x.csv'), false);
  });

  it('finds the real DfE files where the tests look (absent data fails CI)', () => {
    const file = resolveDfePath(`dfe/${FILES.careLeaversActivity}`, process.env[DFE_DIR_ENV]);
    assert.ok(file && existsSync(file), `missing DfE data in ${DFE_DIR}`);
  });
});
