// The HTML report (`blog-export view`) in a real browser: Debian's
// Chromium, headless, driven by playwright-core. Run from the project root
// by .ci/run:
//   BLOG_EXPORT_BIN=target/release/blog-export node tests/browser/report.test.mjs
// BROWSER_OUT (default $CARGO_TARGET_DIR/browser or target/browser) receives
// the reports and the screenshot. BIG_INPUT names the 50 MB benchmark input
// (made by benches/corpus.sh); without it the large check is skipped.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const bin = process.env.BLOG_EXPORT_BIN || 'target/release/blog-export';
const out = process.env.BROWSER_OUT ||
  path.join(process.env.CARGO_TARGET_DIR || 'target', 'browser');
fs.mkdirSync(out, { recursive: true });

// One browser for all tests, with a fresh, empty profile (playwright
// passes it as --user-data-dir).
let browser;
let profile;
before(async () => {
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'blog-export-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic',
    ],
  });
});
after(async () => {
  await browser?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

/** `blog-export stats` as {file: {posts, comments, replies, letters}}. */
function stats(...inputs) {
  const text = execFileSync(bin, ['stats', ...inputs], { encoding: 'utf8' });
  const [head, ...rows] = text.trim().split('\n').map((l) => l.split('\t'));
  const counts = {};
  for (const row of rows) {
    const c = {};
    for (const key of ['posts', 'comments', 'replies', 'letters']) {
      c[key] = Number(row[head.indexOf(key)]);
    }
    counts[row[0]] = c;
  }
  return counts;
}

/** Diagnostics per file, as `blog-export check` lists them. */
function checks(...inputs) {
  const text = execFileSync(bin, ['check', ...inputs], { encoding: 'utf8' });
  const lines = text.split('\n').filter((l) => /: (warning|error): /.test(l));
  return lines;
}

/** The report of `inputs`, written to `name` under `out`. */
function report(name, ...inputs) {
  const file = path.join(out, name);
  execFileSync(bin, ['view', ...inputs, '-o', file]);
  return file;
}

/** A page that records every request, console error and page error. */
async function open() {
  const page = await browser.newPage();
  const seen = { requests: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return { page, seen };
}

/** The summary table's counts, by the file named in each row. */
async function shownCounts(page) {
  return page.$$eval('#summary tr[data-file]', (rows) => Object.fromEntries(rows.map((r) => [
    r.dataset.file,
    Object.fromEntries(['posts', 'comments', 'replies', 'letters', 'diagnostics']
      .map((k) => [k, Number(r.querySelector('td.' + k).textContent)])),
  ])));
}

test('the seeds report: counts, a thread, a diagnostic, no error, no request', async () => {
  const file = report('seeds.html', 'seeds/');
  const url = pathToFileURL(file).href;
  const { page, seen } = await open();
  await page.goto(url, { waitUntil: 'load' });

  // The counts shown are those of `stats`, per file and in total, and the
  // diagnostics those `check` lists.
  const shown = await shownCounts(page);
  const expected = stats('seeds/');
  const diagnostics = checks('seeds/');
  assert.ok(diagnostics.length >= 1, 'the seeds have a diagnostic to click');
  for (const [name, counts] of Object.entries(expected)) {
    const { diagnostics: d, ...rest } = shown[name];
    assert.deepEqual(rest, counts, `counts of ${name}`);
    const listed = name === 'total'
      ? diagnostics.length
      : diagnostics.filter((l) => l.startsWith(name + ':')).length;
    assert.equal(d, listed, `diagnostics of ${name}`);
  }
  assert.equal(Object.keys(shown).length, Object.keys(expected).length);

  // The first post is drawn: its body has text.
  await page.locator('#s0 .body p').first().waitFor({ state: 'visible' });

  // A thread expands on click: closed at first, its comments then shown.
  const thread = page.locator('details.thread').first();
  await thread.scrollIntoViewIfNeeded();
  assert.equal(await thread.evaluate((d) => d.open), false);
  const firstComment = thread.locator('li.comment').first();
  assert.equal(await firstComment.isVisible(), false);
  await thread.locator('> summary').click();
  assert.equal(await thread.evaluate((d) => d.open), true);
  await firstComment.waitFor({ state: 'visible' });
  assert.match(await firstComment.locator('.num').first().textContent(), /^1\.$/);

  // Clicking a diagnostic scrolls its source line into view.
  const link = page.locator('.diag-link').first();
  const line = await link.getAttribute('data-line');
  assert.ok(diagnostics[0].includes(`:${line}:`), `${diagnostics[0]} is at line ${line}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await link.click();
  const target = page.locator(`#src .line[data-n="${line}"]`);
  await target.waitFor({ state: 'visible' });
  await page.waitForFunction((n) => {
    const l = document.querySelector(`#src .line[data-n="${n}"]`);
    const pane = document.getElementById('source').getBoundingClientRect();
    const r = l.getBoundingClientRect();
    return r.top >= Math.max(pane.top, 0) && r.bottom <= Math.min(pane.bottom, innerHeight);
  }, line);
  assert.match(await target.getAttribute('class'), /\bhl\b/);
  // The line's text is the one `check` points at (a comment header).
  assert.match(await target.textContent(), /\d+ comments:/);

  // The diagnostic is pinned in its post, before the thread it is about.
  const pinned = page.locator('#s0 .diag');
  assert.equal(await pinned.count(), 1);
  assert.match(await pinned.textContent(), /line 51: the header declares 34 comments but 33 are listed/);
  assert.equal(await pinned.evaluate((n) => n.nextElementSibling.matches('details.thread')), true);

  // Clicking a parsed part marks its lines in the source, and clicking a
  // line marks the part it belongs to.
  const title = page.locator('#s0 h2 .title');
  await title.click();
  const titleText = (await title.textContent()).trim();
  const marked = page.locator('#src .sel');
  await marked.first().waitFor({ state: 'visible' });
  assert.equal((await marked.first().textContent()).trim(), titleText);
  const letterLine = page.locator('#src .line:has(.k-salutation)').first();
  await letterLine.scrollIntoViewIfNeeded();
  await letterLine.click();
  const salutation = page.locator('#s0 .letter .salutation.sel');
  await salutation.waitFor({ state: 'visible' });
  assert.equal(
    (await salutation.textContent()).trim(),
    (await letterLine.locator('.k-salutation').textContent()).trim(),
  );

  // Keys move between posts; the filter hides the others.
  await page.keyboard.press('j');
  await page.locator('article.current').waitFor();
  await page.fill('#filter', 'Spurr');
  await page.waitForFunction(() => /shown/.test(document.getElementById('shown').textContent));
  const hidden = await page.$$eval('article', (as) => as.filter((a) => a.hidden).length);
  assert.ok(hidden > 0, 'the filter hides posts without the word');
  await page.fill('#filter', '');
  await page.waitForFunction(() => document.getElementById('shown').textContent === '');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, 'report.png') });
  assert.deepEqual(seen.errors, [], 'no console error');
  assert.deepEqual([...new Set(seen.requests)], [url], 'no request but the file');
  await page.close();
});

test('text that looks like markup stays text', async () => {
  const input = path.join(out, 'markup.txt');
  fs.writeFileSync(input, 'Friday 25 July 2014\n\n</textarea><script>window.pwned = 1</script>\n\n'
    + '<img src=x onerror="window.pwned = 2"> & </script><b>bold</b>\n\n1 comment:\n\n'
    + '  1. <script>window.pwned = 3</script>\n\n    ReplyDelete\n');
  const file = report('markup.html', input);
  const { page, seen } = await open();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.locator('#s0 .body p').first().waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('#s0 h2 .title').textContent(),
    '</textarea><script>window.pwned = 1</script>');
  assert.equal(await page.locator('#s0 .body p').first().textContent(),
    '<img src=x onerror="window.pwned = 2"> & </script><b>bold</b>');
  assert.equal(await page.locator('#s0 b').count(), 0);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('an email shows its header lines, the sent date read as ISO 8601', async () => {
  const input = path.join(out, 'email.txt');
  fs.writeFileSync(input, 'Friday 25 July 2014\n\nA note\n\nMy boss wrote back:\n\n'
    + 'From: Ann Lee\nSent: Thursday, 24 July 2014 10:14\nTo: Bob\n\nHi Bob,\n\nSee you there.\n\nAnn\n');
  const file = report('email.html', input);
  const { page, seen } = await open();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const headers = page.locator('#s0 .letter .email-header');
  await headers.first().waitFor({ state: 'visible' });
  assert.equal(await headers.count(), 3);
  assert.equal(await headers.nth(0).getAttribute('data-role'), 'From');
  assert.equal(await headers.nth(1).locator('time').getAttribute('datetime'), '2014-07-24T10:14:00');
  assert.equal(await headers.nth(0).locator('time').count(), 0);
  assert.equal(await page.locator('#s0 .letter .salutation').textContent(), 'Hi Bob,');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the 50 MB benchmark input: first post in under 2 s, size at most 2x the JSON',
  { skip: !process.env.BIG_INPUT && 'BIG_INPUT not set' }, async () => {
    const input = process.env.BIG_INPUT;
    const file = report('big.html', input);
    const json = path.join(out, 'big.json');
    execFileSync('sh', ['-c', '"$0" parse "$1" > "$2"', bin, input, json]);
    const size = fs.statSync(file).size;
    const jsonSize = fs.statSync(json).size;
    fs.rmSync(json);
    console.log(`# report ${size} bytes, JSON ${jsonSize} bytes (${(size / jsonSize).toFixed(2)}x)`);
    assert.ok(size <= 2 * jsonSize, `report ${size} > 2 x JSON ${jsonSize}`);

    const url = pathToFileURL(file).href;
      const { page, seen } = await open();
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#s0 .body p').first().waitFor({ state: 'visible', timeout: 10000 });
    const wall = Date.now() - started;
    const top = await page.locator('#s0').evaluate((a) => a.getBoundingClientRect().top);
    assert.ok(top < 900, `the first post is on the screen (top at ${top}px)`);
    // performance.now() counts from the navigation's start.
    const drawn = await page.evaluate(() => window.blogExportFirstDraw);
    console.log(`# first post drawn ${drawn.toFixed(0)} ms after navigation start, seen by the test after ${wall} ms`);
    assert.ok(drawn < 2000, `first post drawn after ${drawn} ms`);
    assert.ok(wall < 2000, `first post seen after ${wall} ms`);

    await page.waitForLoadState('load', { timeout: 60000 });
    const shown = await shownCounts(page);
    const expected = stats(input);
    const { diagnostics, ...rest } = shown[input];
    assert.deepEqual(rest, expected[input]);
    assert.equal(diagnostics, checks(input).length);
    // The last post is drawn when scrolled to.
    const last = page.locator('article').last();
    await last.scrollIntoViewIfNeeded();
    await last.locator('.body p').first().waitFor({ state: 'visible' });
    assert.deepEqual(seen.errors, [], 'no console error');
    assert.deepEqual([...new Set(seen.requests)], [url], 'no request but the file');
    await page.close();
  });
