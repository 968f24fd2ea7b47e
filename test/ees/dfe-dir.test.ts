import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliHost } from '../../src/cli/host.js';
import { isDfePath, isDfeSchemePath, resolveDfePath } from '../../src/engine/data/ees/index.js';
import { DFE_DIR, FILES, REPO } from './dfe-files.js';

describe('the DfE data folder setting', () => {
  it('is, for the CLI, --dfe-dir, then SCORECARD_DFE_DIR, then ../shared/data/dfe in a checkout', () => {
    const env = { SCORECARD_DFE_DIR: '/from/env' };
    assert.equal(cliHost('/explicit', env).dfeDataFolder, resolve('/explicit'));
    assert.equal(cliHost(undefined, env).dfeDataFolder, resolve('/from/env'));
    assert.equal(cliHost('  ', {}).dfeDataFolder, resolve(REPO, '..', 'shared', 'data', 'dfe'));
  });

  it('takes the CLI chart worker count from SCORECARD_CHART_WORKERS', () => {
    assert.equal(cliHost(undefined, { SCORECARD_CHART_WORKERS: '0' }).chartWorkers, 0);
    assert.equal(cliHost(undefined, { SCORECARD_CHART_WORKERS: '3' }).chartWorkers, 3);
    assert.equal(cliHost(undefined, { SCORECARD_CHART_WORKERS: '99' }).chartWorkers, 8);
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
    const file = resolveDfePath(
      `dfe/${FILES.careLeaversActivity}`,
      cliHost(undefined).dfeDataFolder,
    );
    assert.ok(file && existsSync(file), `missing DfE data in ${DFE_DIR}`);
  });
});
