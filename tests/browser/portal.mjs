// The web pages in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against the
// local host (embedded Tencent VPC emulator + in-process Durable engine) started on a free loopback port.
//
//   node tests/browser/portal.mjs                      (after dotnet build and npm ci --prefix tests/browser)
//   PORTAL_SCREENSHOTS=docs/screenshots node tests/browser/portal.mjs      (refreshes the committed screenshots)
//
// A receiver opens the approval link, sees the right CIDRs, accepts, and watches the status page reach ACTIVE; a
// tampered link is refused; the request form refuses overlapping VPCs before anything is sent; a topology's approval
// link (printed by the local host) lists the account's pairs and rejects them all; a topology's page draws its VPCs and
// pairs and turns the edges Active live once the receiving account consents through the HTTP API.
// Exits non-zero on the first failed check. Environment: PORTAL_LOCALHOST (the built PeeringFunctions.LocalHost.dll), PORTAL_CHROMIUM
// (default /usr/bin/chromium), PORTAL_SCREENSHOTS (default tests/browser/artifacts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const chromiumPath = process.env.PORTAL_CHROMIUM || '/usr/bin/chromium';
const screenshots = resolve(process.env.PORTAL_SCREENSHOTS || join(here, 'artifacts'));
const deadline = Date.now() + 240_000;

// The flags this machine needs (its network is closed: no background connections, no QUIC), as root without a sandbox.
const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const results = { passed: 0, failed: 0 };
function check(condition, what) {
  if (!condition) {
    results.failed += 1;
    throw new Error(`not ok - ${what}`);
  }
  results.passed += 1;
  console.log(`ok - ${what}`);
}

function findLocalHost() {
  if (process.env.PORTAL_LOCALHOST) { return process.env.PORTAL_LOCALHOST; }
  for (const configuration of ['Debug', 'Release']) {
    const dir = join(repo, 'src', 'PeeringFunctions.LocalHost', 'bin', configuration);
    if (!existsSync(dir)) { continue; }
    for (const framework of readdirSync(dir)) {
      const dll = join(dir, framework, 'PeeringFunctions.LocalHost.dll');
      if (existsSync(dll)) { return dll; }
    }
  }
  throw new Error('The local host is not built: run dotnet build first (or set PORTAL_LOCALHOST).');
}

/** Starts the built local host on a free loopback port; resolves once its banner names the URL. */
function startLocalHost() {
  const dll = findLocalHost();
  const child = spawn('dotnet', [dll, '--urls', 'http://127.0.0.1:0'], {
    cwd: dirname(dll),
    env: { ...process.env, DOTNET_NOLOGO: '1', Portal__PrintApprovalLinks: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const waiters = [];
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).trimEnd();
      buffer = buffer.slice(end + 1);
      lines.push(line);
      for (const waiter of [...waiters]) {
        const match = waiter.pattern.exec(line);
        if (match) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(match); }
      }
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));

  /** The first output line (past or future) matching the pattern. */
  const waitFor = (pattern, what, ms = 60_000) => {
    for (const line of lines) {
      const match = pattern.exec(line);
      if (match) { return Promise.resolve(match); }
    }
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`the local host did not print ${what} within ${ms / 1000} s.\n${lines.join('\n')}\n${stderr}`)), Math.min(ms, deadline - Date.now()));
      waiters.push({ pattern, resolve: (match) => { clearTimeout(timer); resolvePromise(match); } });
      exited.then(({ code }) => reject(new Error(`the local host exited (${code}) before printing ${what}.\n${lines.join('\n')}\n${stderr}`)));
    });
  };
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return { waitFor, stop };
}

async function requestPeering(baseUrl, body) {
  const response = await fetch(new URL('api/peerings', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  check(response.status === 202, `POST /api/peerings starts alpha -> beta (${response.status})`);
  return json.id;
}

async function shot(page, name) {
  const path = join(screenshots, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`   screenshot ${path}`);
}

/** What a person needs, checked in the page: one h1, a language, labelled controls, a named picture, a skip link. */
async function checkAccessibility(page, what) {
  const report = await page.evaluate(() => {
    const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((control) => !(control.labels && control.labels.length) && !control.getAttribute('aria-label'))
      .map((control) => control.id || control.name);
    const svgs = [...document.querySelectorAll('svg')];
    return {
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      unlabelled,
      unnamedPictures: svgs.filter((svg) => svg.getAttribute('role') !== 'img' || !svg.querySelector('title')).length,
      skip: !!document.querySelector('a.skip[href="#main"]'),
      buttonsWithoutName: [...document.querySelectorAll('button')].filter((b) => !b.textContent.trim()).length,
    };
  });
  check(report.lang === 'en' && report.h1 === 1 && report.unlabelled.length === 0 && report.unnamedPictures === 0
    && report.skip && report.buttonsWithoutName === 0, `${what}: accessible structure ${JSON.stringify(report)}`);
  // Keyboard: the first Tab lands on the skip link, which has a visible focus ring.
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { text: element.textContent.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  check(focus.text === 'Skip to content' && focus.outline !== 'none' && focus.width >= 2, `${what}: Tab reaches the skip link with a visible focus ring`);
}

/** The topology page's graph as the browser draws it: each node's texts, each edge's class and computed stroke. */
async function readGraph(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.topology');
    if (!svg) { return null; }
    const nodes = Object.fromEntries([...svg.querySelectorAll('g[data-vpc]')].map((g) => [
      g.getAttribute('data-vpc'),
      { who: g.querySelector('text.who')?.textContent, cidr: g.querySelector('text.cidr')?.textContent, where: g.querySelector('text.muted')?.textContent },
    ]));
    const edges = Object.fromEntries([...svg.querySelectorAll('line.link[data-pair]')].map((line) => {
      const style = getComputedStyle(line);
      return [line.getAttribute('data-pair'), { look: line.getAttribute('class').replace('link', '').trim(), stroke: style.stroke, dashes: style.strokeDasharray }];
    }));
    return { nodes, edges };
  });
}

/**
 * A three-VPC mesh over alpha and beta, started through the API while the earlier peering alpha <-> beta is Active:
 * that pair is reused, the two new ones wait for beta's one consent. The page is opened before beta decides and must
 * turn the new edges Active without being reloaded; each pair links to its peering page.
 */
async function checkTopologyPage(page, baseUrl) {
  const started = await fetch(new URL('api/topologies', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'browser-trio',
      shape: 'mesh',
      members: [
        { account: 'alpha', region: 'ap-guangzhou', vpcId: 'vpc-alpha001' },
        { account: 'beta', region: 'ap-guangzhou', vpcId: 'vpc-betagz01' },
        { account: 'beta', region: 'ap-shanghai', vpcId: 'vpc-beta0001' },
      ],
      bandwidthMbps: 10,
      chargeType: 'POSTPAID_BY_DAY_MAX',
      acceptanceTimeout: 'PT1H',
    }),
  });
  const plan = await started.json();
  check(started.status === 202, `POST /api/topologies starts a three-VPC mesh (${started.status} ${JSON.stringify(plan).slice(0, 300)})`);
  const id = plan.id;
  const reused = 'peering-vpc-alpha001-vpc-beta0001';
  const fresh = ['peering-vpc-alpha001-vpc-betagz01', 'peering-vpc-beta0001-vpc-betagz01'];

  await page.goto(`${baseUrl}api/portal/topologies/${id}`);
  check(await page.getByRole('heading', { level: 1, name: 'Topology browser-trio' }).isVisible(), 'the topology page names the topology');
  await page.waitForFunction(() => (document.getElementById('announce')?.textContent || '').includes('WaitingForConsent'), null, { timeout: 60_000 });
  check(true, 'the page says the topology waits for consent');

  const before = await readGraph(page);
  check(before !== null, 'the page draws the topology as an SVG graph');
  const cidrs = { 'vpc-alpha001': '10.10.0.0/16', 'vpc-betagz01': '192.168.0.0/20', 'vpc-beta0001': '172.16.0.0/16' };
  check(Object.keys(before.nodes).sort().join() === Object.keys(cidrs).sort().join(), `one node per VPC ${JSON.stringify(Object.keys(before.nodes))}`);
  for (const [vpc, cidr] of Object.entries(cidrs)) {
    check(before.nodes[vpc].who === vpc && before.nodes[vpc].cidr === cidr, `the node of ${vpc} shows its CIDR ${cidr} (${JSON.stringify(before.nodes[vpc])})`);
  }
  check(before.nodes['vpc-beta0001'].where === 'beta · ap-shanghai', "a node shows its account and region");
  check(Object.keys(before.edges).sort().join() === [reused, ...fresh].sort().join(), `one edge per pair ${JSON.stringify(Object.keys(before.edges))}`);
  check(before.edges[reused].look === 'active', `the pair already Active is drawn active (${before.edges[reused].look})`);
  for (const pair of fresh) {
    check(before.edges[pair].look === 'pending', `${pair} is drawn waiting (${before.edges[pair].look})`);
  }
  const waiting = before.edges[fresh[0]];
  const active = before.edges[reused];
  check(waiting.stroke !== active.stroke && waiting.dashes !== 'none' && active.dashes === 'none',
    `edges are coloured by state: waiting ${waiting.stroke} dashed ${waiting.dashes}, active ${active.stroke} solid`);
  const consentRow = page.getByRole('row', { name: /^beta\b/ });
  check((await consentRow.textContent()).includes('Waiting'), "beta's consent is shown as waiting");
  await shot(page, 'topology-waiting.png');
  await checkAccessibility(page, 'topology page');

  // beta consents through the HTTP API while the page is open; the page must follow without a reload.
  await page.evaluate(() => { window.sameDocument = true; });
  const decided = await fetch(new URL(`api/topologies/${id}/accept`, baseUrl), {
    method: 'POST',
    headers: { Authorization: 'Bearer beta-approver-demo-key', 'Idempotency-Key': 'browser-trio-beta' },
  });
  check(decided.status === 202, `beta accepts the topology through the API (${decided.status})`);
  await page.waitForFunction((pairs) => pairs.every((pair) => document.querySelector(`svg.topology line.link.active[data-pair="${pair}"]`)),
    fresh, { timeout: 120_000 });
  check(await page.evaluate(() => window.sameDocument === true), 'the edges turned Active in the same document, without a reload');
  await page.waitForFunction(() => document.getElementById('main')?.getAttribute('data-terminal') === 'true', null, { timeout: 60_000 });
  const after = await readGraph(page);
  check(Object.values(after.edges).every((edge) => edge.look === 'active' && edge.stroke === active.stroke),
    `every edge is drawn active once the topology is complete ${JSON.stringify(after.edges)}`);
  check((await page.locator('#announce').textContent()).includes('Complete: 3 of 3 peerings active'), 'the live region says the topology is complete');
  check((await consentRow.textContent()).includes('Accepted'), "beta's consent is shown as accepted");
  await shot(page, 'topology-complete.png');

  // Each pair links to its own peering page.
  for (const pair of [reused, ...fresh]) {
    const href = await page.locator(`tr[data-pair="${pair}"] a`).getAttribute('href');
    check(href === `/api/portal/peerings/${pair}`, `the pair ${pair} links to its peering page (${href})`);
  }
  await Promise.all([page.waitForURL(`**/api/portal/peerings/${fresh[0]}`), page.locator(`tr[data-pair="${fresh[0]}"] a`).click()]);
  check(await page.locator('li.step.done').count() === 6, `the link opens ${fresh[0]}'s page with all six steps done`);

  // The portal's list page lists the topology in its own section, linked to its page.
  await page.goto(`${baseUrl}api/portal`);
  const section = page.getByRole('region', { name: /^Topologies/ });
  const row = section.locator(`tr[data-topology="${id}"]`);
  check((await row.textContent()).includes('Complete') && (await row.textContent()).includes('3 of 3'), `the list's Topologies section shows it Complete, 3 of 3 active (${await row.textContent()})`);
  await Promise.all([page.waitForURL(`**/api/portal/topologies/${id}`), section.getByRole('link', { name: 'browser-trio' }).click()]);
  check(await page.getByRole('heading', { level: 1, name: 'Topology browser-trio' }).isVisible(), "the list's link opens the topology page");
}

/**
 * The receiving account's topology approval link, as the local host prints it: the page lists the pair it is asked
 * for with both CIDRs, and Reject all decides for the account (nothing is created, so the VPCs stay free for the
 * topology after it).
 */
async function checkTopologyApprovalLink(page, baseUrl, host) {
  const started = await fetch(new URL('api/topologies', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'browser-link',
      shape: 'mesh',
      members: [
        { account: 'beta', region: 'ap-guangzhou', vpcId: 'vpc-betagz01' },
        { account: 'beta', region: 'ap-shanghai', vpcId: 'vpc-betaover' },
      ],
      bandwidthMbps: 10,
      acceptanceTimeout: 'PT1H',
    }),
  });
  check(started.status === 202, `POST /api/topologies starts a second topology (${started.status})`);
  const [, link] = await host.waitFor(/^Topology approval link for beta \(topology-browser-link, until [^)]+\): (http\S+)$/, "beta's topology approval link");
  check(link.startsWith(`${baseUrl}api/approve/topology?token=`), 'the local host prints the topology approval link for beta');

  const response = await page.goto(link);
  check(response.status() === 200, 'the topology approval link opens its page');
  check(await page.getByRole('heading', { level: 1, name: 'Topology request for beta' }).isVisible(), 'the page names the account asked');
  const row = page.locator('tr[data-pair="peering-vpc-betagz01-vpc-betaover"]');
  const text = await row.textContent();
  check(text.includes('192.168.0.0/20') && text.includes('10.10.128.0/20'), `the pair is listed with both CIDRs (${text})`);
  check(!(await page.locator('body').innerText()).includes('token'), 'the page shows no secret');
  await checkAccessibility(page, 'topology approval page');
  await shot(page, 'topology-approval.png');
  await page.getByRole('button', { name: 'Reject all' }).click();
  await page.waitForFunction(() => (document.querySelector('h1')?.textContent || '').includes('You rejected the topology for beta'), null, { timeout: 30_000 });
  check(true, 'Reject all records the decision');
  let state = '';
  for (let i = 0; i < 120 && state !== 'Refused'; i += 1) {
    await new Promise((done) => setTimeout(done, 250));
    state = (await (await fetch(new URL('api/topologies/topology-browser-link', baseUrl))).json()).state;
  }
  check(state === 'Refused', `the topology ends Refused after beta's rejection through the link (${state})`);
}

async function main() {
  check(existsSync(chromiumPath), `Chromium is installed at ${chromiumPath}`);
  mkdirSync(screenshots, { recursive: true });

  const host = startLocalHost();
  let browser;
  try {
    const [, baseUrl] = await host.waitFor(/HTTP API\s+(http:\/\/127\.0\.0\.1:\d+\/)api\/peerings/, 'its URL');
    console.log(`   local host at ${baseUrl}`);
    await host.waitFor(/^Portal: /, 'the portal line');

    const id = await requestPeering(baseUrl, {
      name: 'alpha-to-beta',
      initiator: { account: 'alpha', region: 'ap-guangzhou', vpcId: 'vpc-alpha001', routeTableId: 'rtb-alphapcx', subnetIds: ['subnet-alphaweb'] },
      receiver: { account: 'beta', region: 'ap-shanghai', vpcId: 'vpc-beta0001', routeTableId: 'rtb-betapcx1', subnetIds: ['subnet-betaapp1'] },
      bandwidthMbps: 10,
      chargeType: 'POSTPAID_BY_DAY_MAX',
      acceptanceTimeout: 'PT1H',
    });
    // The local host's stand-in for the receiver's chat notice: the approval link on its console.
    const [, link] = await host.waitFor(/^Approval link for beta \(peering-vpc-alpha001-vpc-beta0001, pcx-[a-z0-9]+, until [^)]+\): (http\S+)$/, 'the approval link');
    check(link.startsWith(`${baseUrl}api/approve?token=`), 'the local host prints the approval link for beta');

    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const consoleErrors = [];
    // Script errors and CSP refusals count; the refused links' own 403/409 answers are expected.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) { consoleErrors.push(message.text()); }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    // A request the API takes but pre-flight refuses (the VPCs overlap): the list shows it in its own group.
    const refusedId = await requestPeering(baseUrl, {
      name: 'alpha-to-overlap',
      initiator: { account: 'alpha', region: 'ap-guangzhou', vpcId: 'vpc-alpha001' },
      receiver: { account: 'beta', region: 'ap-shanghai', vpcId: 'vpc-betaover' },
      bandwidthMbps: 10,
      acceptanceTimeout: 'PT1H',
    });

    // The portal while the peering waits: list and status page (live progress line, PENDING picture).
    await page.goto(`${baseUrl}api/portal`);
    check(await page.getByRole('heading', { level: 1, name: 'Peerings' }).isVisible(), 'the portal lists the peerings');
    check(await page.getByRole('link', { name: 'alpha-to-beta' }).isVisible(), 'the waiting peering is listed');
    const groups = () => page.locator('section h2 .badge').allTextContents();
    for (let i = 0; i < 40 && !(await groups()).includes('Refused by pre-flight'); i += 1) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    check((await groups()).includes('Refused by pre-flight'), `the refused request ${refusedId} is listed under its own state ${JSON.stringify(await groups())}`);
    await shot(page, 'portal-list.png');
    await page.getByRole('link', { name: 'alpha-to-beta' }).click();
    await page.waitForURL(`**/api/portal/peerings/${id}`);
    check(await page.locator('li.step.current[data-step="acceptance"]').isVisible(), 'the status page shows the acceptance as the current step');
    check((await page.locator('#announce').textContent()).startsWith('Step 3 of 6, acceptance'), 'the live region says what is happening');
    await shot(page, 'status-waiting.png');

    // The receiver opens the link: who asks, both VPCs and their CIDRs, the routes, the deadline.
    const approval = await page.goto(link);
    check(approval.status() === 200, 'the approval link opens the approval page');
    check(await page.getByRole('heading', { level: 1, name: 'Peering request for beta' }).isVisible(), 'the page names the receiver');
    const theirs = page.getByRole('region', { name: 'Their side (initiator)' });
    const yours = page.getByRole('region', { name: 'Your side (receiver)' });
    check((await theirs.textContent()).includes('alpha (UIN 100000000001)'), 'the page says who asks (alias and UIN)');
    check(await theirs.getByText('10.10.0.0/16', { exact: true }).first().isVisible()
      && await theirs.getByText('10.11.0.0/16', { exact: true }).isVisible(), "the initiator's CIDRs are shown: 10.10.0.0/16, 10.11.0.0/16");
    check(await yours.getByText('172.16.0.0/16', { exact: true }).first().isVisible(), "the receiver's CIDR is shown: 172.16.0.0/16");
    check((await yours.textContent()).includes('ap-shanghai') && (await theirs.textContent()).includes('ap-guangzhou'), 'both regions are shown');
    check((await page.locator('.deadline').textContent()).includes('Decide by'), 'the deadline is shown');
    const bodyText = await page.locator('body').innerText();
    check(!bodyText.includes('token') && !bodyText.includes('SecretKey') && !bodyText.includes('approver-demo-key'), 'the page shows no secret');
    await shot(page, 'approval.png');
    await checkAccessibility(page, 'approval page');

    // Accept with the keyboard, as a person using it would: focus the button, press Enter.
    await page.getByRole('button', { name: 'Accept peering' }).focus();
    await Promise.all([page.waitForURL('**/api/watch?token=*'), page.keyboard.press('Enter')]);
    check(page.url().includes('/api/watch?token='), 'Accept leads to the status page');
    await page.waitForFunction(() => (document.getElementById('announce')?.textContent || '').startsWith('ACTIVE'), null, { timeout: 60_000 });
    check(true, 'the status page reaches ACTIVE');
    check(await page.locator('li.step.done').count() === 6, 'all six steps are done');
    check(await page.locator('svg.picture line.link.active').count() === 1, 'the picture draws the peering as active');
    check(await page.locator('svg.picture text.present').count() >= 4, 'the picture shows the routes and subnets present on both sides');
    await page.waitForTimeout(300);
    await shot(page, 'status-active.png');

    // The used link: a clear page, nothing changed.
    const used = await page.goto(link);
    check(used.status() === 409 && (await page.locator('h1').textContent()).includes('no longer waiting'), 'the used link is refused with a clear page');

    // A tampered link: refused, with a clear page.
    const token = link.split('token=')[1];
    const position = token.length - 5;
    const tampered = `${baseUrl}api/approve?token=${token.slice(0, position)}${token[position] === 'A' ? 'B' : 'A'}${token.slice(position + 1)}`;
    const refused = await page.goto(tampered);
    check(refused.status() === 403, 'a tampered link is refused (403)');
    check((await page.locator('h1').textContent()) === 'This link is not valid', 'the refusal page says the link is not valid');
    check(!(await page.locator('body').innerText()).includes('172.16.0.0/16'), 'the refusal page shows nothing of the peering');
    await shot(page, 'approval-refused.png');

    // The request form refuses overlapping VPCs before submitting.
    await page.goto(`${baseUrl}api/portal/new`);
    await checkAccessibility(page, 'request form');
    await page.getByLabel('Name').fill('alpha-to-overlap');
    await page.locator('#initiatorVpc').selectOption('alpha|ap-guangzhou|vpc-alpha001');
    await page.locator('#receiverVpc').selectOption('beta|ap-shanghai|vpc-betaover');
    const overlap = page.locator('#overlap');
    check(await overlap.isVisible() && (await overlap.textContent()).includes('10.10.128.0/20'), 'the form flags the overlap as soon as both VPCs are chosen');
    check(!(await page.locator('#receiverRouteTable optgroup[data-vpc="beta|ap-shanghai|vpc-beta0001"]').isVisible()), "the form offers only the chosen VPC's route tables");
    await page.getByRole('button', { name: 'Request peering' }).click();
    await page.waitForTimeout(300);
    check(page.url().endsWith('/api/portal/new'), 'submitting an overlapping pair is blocked in the page');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'receiverVpc', 'the keyboard is taken to the VPC to change');
    await shot(page, 'request-overlap.png');

    await checkTopologyApprovalLink(page, baseUrl, host);
    await checkTopologyPage(page, baseUrl);

    check(consoleErrors.length === 0, `no script or CSP error in the browser console ${JSON.stringify(consoleErrors)}`);
  } finally {
    if (browser) { await browser.close(); }
    await host.stop();
  }
}

try {
  await main();
  console.log(`${results.passed} passed, ${results.failed} failed`);
} catch (error) {
  console.error(error.message);
  console.log(`${results.passed} passed, ${Math.max(results.failed, 1)} failed`);
  process.exitCode = 1;
}
