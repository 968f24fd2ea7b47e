import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isInside, resolveDataPath } from '../../src/engine/data/file-access.js';
import { tempDir, writeFiles } from './helpers.js';
import { createNodeHost } from '../../src/engine/index.js';

describe('data: resolveDataPath', () => {
  const root = tempDir();
  const reports = writeFiles(path.join(root, 'reports'), { 'data/a.yaml': 'indicators: []\n' });
  const shared = writeFiles(path.join(root, 'shared'), { 'b.csv': 'indicator,period,value\n' });
  writeFiles(path.join(root, 'secret'), { 'passwords.yaml': 'x: 1\n' });
  fs.symlinkSync(path.join(root, 'secret'), path.join(reports, 'escape'));
  const report = path.join(reports, 'report.md');
  const policy = { reportDir: reports, allowedRoots: [], host: createNodeHost() };

  it('allows a file in the report folder tree', () => {
    assert.deepEqual(resolveDataPath(report, 'data/a.yaml', policy), {
      path: path.join(reports, 'data', 'a.yaml'),
    });
  });

  it('refuses ../ out of the report folder unless the folder is allowed', () => {
    const refused = resolveDataPath(report, '../shared/b.csv', policy);
    assert.ok('reason' in refused);
    assert.equal(refused.ruleId, 'path-not-allowed');
    assert.match(refused.reason, /outside the report's folder/);
    const allowed = resolveDataPath(report, '../shared/b.csv', {
      ...policy,
      allowedRoots: [shared],
    });
    assert.deepEqual(allowed, { path: path.join(shared, 'b.csv') });
  });

  it('refuses an absolute path elsewhere', () => {
    const refused = resolveDataPath(report, path.join(root, 'secret', 'passwords.yaml'), policy);
    assert.ok('reason' in refused && refused.ruleId === 'path-not-allowed');
  });

  it('follows symlinks before deciding', () => {
    const refused = resolveDataPath(report, 'escape/passwords.yaml', policy);
    assert.ok('reason' in refused && refused.ruleId === 'path-not-allowed');
    // A missing file behind the link is refused too, not reported as missing.
    const missing = resolveDataPath(report, 'escape/nothing.yaml', policy);
    assert.ok('reason' in missing && missing.ruleId === 'path-not-allowed');
  });

  it('reports a missing file as data-missing with where it looked', () => {
    const missing = resolveDataPath(report, 'data/none.yaml', policy);
    assert.ok('reason' in missing);
    assert.equal(missing.ruleId, 'data-missing');
    assert.equal(missing.candidate, path.join(reports, 'data', 'none.yaml'));
  });

  it('tells inside from a sibling with a longer name', () => {
    assert.equal(isInside('/a/bc/file', '/a/b'), false);
    assert.equal(isInside('/a/b/c/file', '/a/b'), true);
    assert.equal(isInside('/a/b', '/a/b'), true);
    assert.equal(isInside('/a/..b/x', '/a'), true);
  });
});
