import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import {
  comparisonMode,
  diffViewCsp,
  diffViewHtml,
  gitShowArgs,
  lastExport,
  materialiseRevision,
  missingFiles,
  revisionProblem,
} from '../../src/extension/logic/compare-figures.js';

function git(cwd: string, ...args: string[]): Buffer {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.org',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

const REPORT = (data: string) => `---
title: Test report
period: 2023/24
data: ${data}
---

# Test

:::indicator{id=A1}
The figure stood at :value{id=A1}.
:::
`;

const DATA = (value: number, include: string) => `include: [${include}]
indicators:
  - id: A1
    title: Assessments on time
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2023/24, value: ${value} }
`;

const MORE = `indicators:
  - { id: B1, title: Other, unit: count, polarity: none }
`;

describe('compare figures (extension logic)', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-compare-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('finds the export beside the report, the newest when both modes exist', async () => {
    const report = join(work, 'report.md');
    writeFileSync(report, 'x');
    assert.equal(await lastExport(report), undefined);
    writeFileSync(join(work, 'report.exempt.html'), 'x');
    assert.deepEqual(await lastExport(report), {
      file: join(work, 'report.exempt.html'),
      mode: 'exempt',
    });
    writeFileSync(join(work, 'report.html'), 'x');
    utimesSync(join(work, 'report.exempt.html'), new Date(1_000_000), new Date(1_000_000));
    assert.deepEqual(await lastExport(report), { file: join(work, 'report.html'), mode: 'public' });
  });

  it('refuses revisions that git would read as options or paths', () => {
    assert.equal(revisionProblem('HEAD~1'), undefined);
    assert.equal(revisionProblem(' main '), undefined);
    assert.match(revisionProblem('') ?? '', /Type a revision/);
    assert.match(revisionProblem('--output=/tmp/x') ?? '', /cannot start/);
    assert.match(revisionProblem('HEAD:secret') ?? '', /colons/);
    assert.match(revisionProblem('HEAD x') ?? '', /spaces/);
    assert.deepEqual(gitShowArgs('/repo', ' HEAD~1 ', join('reports', 'r.md')), [
      '-C',
      '/repo',
      'show',
      'HEAD~1:reports/r.md',
    ]);
  });

  it('renders exempt reports in exempt mode', () => {
    assert.equal(comparisonMode([{ ruleId: 'small-number' }]), 'public');
    assert.equal(comparisonMode([{ ruleId: 'exempt-in-public' }]), 'exempt');
  });

  it('reads where the engine looked for a missing data file', () => {
    const scratch = join(work, 'scratch');
    const looked = join(scratch, 'data', 'old.yaml');
    assert.deepEqual(
      missingFiles(
        {
          dataFiles: [],
          messages: [
            {
              ruleId: 'data-missing',
              reason: `Data file not found: data/old.yaml (looked for ${looked})`,
            },
            { ruleId: 'data-missing', reason: `Data file not found: x (looked for /elsewhere/x)` },
            { ruleId: 'unknown-id', reason: '(looked for nothing)' },
          ],
        },
        scratch,
      ),
      [join('data', 'old.yaml')],
    );
  });

  it('puts a revision of the report and its data files back together, includes and renames too', async () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'reports', 'data'), { recursive: true });
    const report = join(repo, 'reports', 'report.md');
    writeFileSync(report, REPORT('data/old.yaml'));
    writeFileSync(join(repo, 'reports', 'data', 'old.yaml'), DATA(61, 'more.yaml'));
    writeFileSync(join(repo, 'reports', 'data', 'more.yaml'), MORE);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    // Since then the data file was renamed and the figure revised.
    rmSync(join(repo, 'reports', 'data', 'old.yaml'));
    writeFileSync(join(repo, 'reports', 'data', 'new.yaml'), DATA(74, 'more.yaml'));
    writeFileSync(report, REPORT('data/new.yaml'));

    const engine = createEngine();
    const now = await engine.render(REPORT('data/new.yaml'), { path: report, mode: 'public' });
    assert.match(now.body, /74%/);
    const scratch = join(work, 'scratch');
    let last: Awaited<ReturnType<typeof engine.render>> | undefined;
    const scratchEngine = createEngine({ allowedRoots: [scratch] });
    const materialised = await materialiseRevision({
      repoRoot: repo,
      report,
      currentDataFiles: now.dataFiles,
      scratch,
      show: async (relative) => {
        try {
          return git(repo, ...gitShowArgs(repo, 'HEAD', relative).slice(2));
        } catch {
          return undefined;
        }
      },
      render: async (file, text) =>
        (last = await scratchEngine.render(text, { path: file, mode: 'public' })),
    });
    assert.ok(materialised.ok);
    assert.equal(materialised.report, join(scratch, 'reports', 'report.md'));
    assert.deepEqual(materialised.fetched, [
      join('reports', 'data', 'more.yaml'),
      join('reports', 'data', 'old.yaml'),
    ]);
    assert.deepEqual(
      last?.messages.filter((m) => m.severity === 'error'),
      [],
    );
    assert.match(last?.body ?? '', /61%/);

    // The editor's path may go through a link to the repository.
    symlinkSync(repo, join(work, 'linked'));
    const linked = await materialiseRevision({
      repoRoot: repo,
      report: join(work, 'linked', 'reports', 'report.md'),
      currentDataFiles: [],
      scratch: join(work, 'scratch2'),
      show: async (relative) => git(repo, ...gitShowArgs(repo, 'HEAD', relative).slice(2)),
      render: () => Promise.resolve({ dataFiles: [], messages: [] }),
    });
    assert.ok(linked.ok);
    assert.equal(linked.report, join(work, 'scratch2', 'reports', 'report.md'));
  });

  it('says so when the report is not in the revision', async () => {
    const result = await materialiseRevision({
      repoRoot: work,
      report: join(work, 'report.md'),
      currentDataFiles: [],
      scratch: join(work, 'scratch'),
      show: () => Promise.resolve(undefined),
      render: () => Promise.reject(new Error('never rendered')),
    });
    assert.deepEqual(result, {
      ok: false,
      reason: 'The report is not in that revision (or the revision does not exist): report.md',
    });
  });

  it('shows the comparison with no script and a nonce on its styles only', () => {
    const page = diffViewHtml({
      nonce: 'abc123',
      title: 'Figures changed: a → b<script>',
      css: 'body{} </style><script>alert(1)</script>',
      body: '<p>x</p>',
      exempt: true,
    });
    assert.equal(diffViewCsp('abc123'), "default-src 'none'; style-src 'nonce-abc123'");
    assert.match(page, /<html lang="en-GB">/);
    assert.match(page, /content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;"/);
    assert.match(page, /<style nonce="abc123">/);
    // The style element cannot be closed early: what follows stays CSS text.
    assert.equal(page.match(/<\/style>/g)?.length, 1);
    assert.doesNotMatch(page.replace(/<style[^]*?<\/style>/, ''), /<script/);
    assert.match(page, /Exempt information/);
    assert.match(page, /<h1 class="sc-header__title">Figures changed: a → b&#60;script&#62;<\/h1>/);
  });
});
