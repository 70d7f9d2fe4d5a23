'use strict';
// Enters the reference profile (profile.js) through the browser as a newly invited researcher,
// with JavaScript or without, and counts per phase:
//   loads    – full page loads: new documents in the main frame (its DOMContentLoaded). A form
//              POST answered by a redirect and the page it leads to is one load; a fragment
//              change, history.pushState or an in-place update by script is none.
//   requests – every request the page makes (Playwright's "request" event): documents, each
//              redirect hop, styles, scripts, images, fetch/XHR.
//   clicks   – buttons and links pressed, list choices made, boxes ticked and dialogs answered
//              by the script; typing into a field counts as one field filled, not as clicks.
// Controls are found by their visible labels and accessible names. Where a newer, faster control
// exists (a paste box for authors, actions that update in place) the script uses it; where it
// does not, it falls back to the older path, so the same script measures before and after.
// Then it checks the public profile shows what was entered, and fails loudly when it does not.
//
// node enter-profile.js --base URL --mail DIR --mode js|nojs --out FILE
// node enter-profile.js --table JS.json NOJS.json   (prints the markdown table)

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const profile = require('./profile.js');

const phases = ['basics', 'papers', 'news', 'awards', 'service', 'projects', 'list actions'];

function args() {
  const a = process.argv.slice(2);
  const o = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--table') {
      o.table = a.slice(i + 1);
      break;
    }
    o[a[i].replace(/^--/, '')] = a[i + 1];
    i++;
  }
  return o;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A field's accessible name: its label, perhaps marked "(required)" or "(optional)".
const labelled = (text) => new RegExp(`^${escapeRe(text)}( \\((required|optional)\\))?$`);
// A list button for one item: "Hide: Title", "Highlight: “Title”", …
const itemButton = (verb, title) => new RegExp(`^${escapeRe(verb)}\\b.*${escapeRe(title)}`);

class Meter {
  constructor(page) {
    this.page = page;
    this.phase = 'setup';
    this.counts = {};
    this.pending = new Set();
    this.lastActivity = Date.now();
    this.dialogs = 0;
    this.listActionLoads = 0;
    this.inListAction = false;
    page.on('domcontentloaded', () => { this.add('loads'); if (this.inListAction) this.listActionLoads++; });
    page.on('request', (r) => { this.add('requests'); this.pending.add(r); this.lastActivity = Date.now(); });
    const done = (r) => { this.pending.delete(r); this.lastActivity = Date.now(); };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // A confirmation ("Delete this item?", "Leave with unsaved changes?") is answered yes, as a user would.
    page.on('dialog', async (d) => { this.dialogs++; this.add('clicks'); await d.accept(); });
  }

  add(what, n = 1) {
    this.counts[this.phase] ??= { loads: 0, requests: 0, clicks: 0, fields: 0 };
    this.counts[this.phase][what] += n;
  }

  // Waits until the page has loaded and no request has been in flight for `quiet` ms since the
  // action, so that what an action causes (a debounced preview included) is counted in its phase.
  async settle(quiet = 250) {
    const acted = Date.now();
    const deadline = acted + 20000;
    for (;;) {
      await this.page.waitForLoadState('load');
      if (this.pending.size === 0 && Date.now() - Math.max(acted, this.lastActivity) > quiet) return;
      if (Date.now() > deadline) throw new Error(`requests still pending: ${[...this.pending].map((r) => r.url()).join(', ')}`);
      await this.page.waitForTimeout(50);
    }
  }

  async click(locator) {
    this.add('clicks');
    await locator.click();
    await this.settle();
  }

  async fill(locator, text) {
    this.add('fields');
    await locator.fill(text);
    // Typing may start a preview after a pause: wait longer than such a pause would be.
    await this.settle(700);
  }

  async choose(locator, label) {
    this.add('clicks');
    await locator.selectOption({ label });
    await this.settle();
  }

  async tick(locator) {
    this.add('clicks');
    await locator.check();
    await this.settle();
  }
}

async function visible(locator) {
  return (await locator.count()) > 0 && locator.first().isVisible();
}

async function expectNoErrors(page, what) {
  const alerts = page.locator('.form-errors, .field-error:not(:empty), .paste-problems');
  const texts = (await alerts.allInnerTexts()).map((t) => t.trim()).filter((t) => t.length > 0);
  if (texts.length > 0) throw new Error(`${what}: the page shows errors: ${texts.join(' | ')}`);
}

async function createAccount(browser, base, mailDir) {
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await page.goto(`${base}/account/login`);
  await page.getByLabel('Email', { exact: true }).fill('admin@example.org');
  await page.getByLabel('Password', { exact: true }).fill('demo-admin-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
  await page.goto(`${base}/admin/invite`);
  await page.getByLabel(labelled('Email')).fill(profile.owner.email);
  await page.getByLabel(labelled('Profile')).selectOption({ label: 'Create a new profile' });
  await page.getByLabel(labelled('Display name')).fill(profile.owner.displayName);
  await page.getByLabel(labelled('Given name')).fill(profile.owner.givenName);
  await page.getByLabel(labelled('Family name')).fill(profile.owner.familyName);
  await page.getByLabel(labelled('Slug')).fill(profile.owner.slug);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.waitForLoadState('load');
  await admin.close();
  const mails = fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort();
  const text = mails.map((f) => fs.readFileSync(path.join(mailDir, f), 'utf8')).join('\n');
  const link = text.match(/https?:\/\/\S*\/account\/invitation\?token=[^\s"<>]+/);
  if (!link) throw new Error(`no invitation link in ${mailDir}`);
  return link[0];
}

async function acceptInvitation(page, link) {
  await page.goto(link);
  await page.getByLabel('Password', { exact: true }).fill(profile.owner.password);
  await page.getByLabel(labelled('Confirm password')).fill(profile.owner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForLoadState('load');
  if (!new URL(page.url()).pathname.startsWith(`/edit/${profile.owner.slug}`)) {
    throw new Error(`accepting the invitation led to ${page.url()}`);
  }
}

// A control that may be a link today and a button tomorrow (or the other way round).
const control = (page, name) => page.getByRole('link', { name }).or(page.getByRole('button', { name }));

const nav = (page, section) =>
  page.getByRole('navigation', { name: 'Profile editor' }).getByRole('link', { name: section, exact: true });

async function enterBasics(m, page) {
  const b = profile.basics;
  await m.fill(page.getByLabel(labelled('Headline')), b.headline);
  await m.fill(page.getByLabel(labelled('Affiliation')), b.affiliation);
  await m.fill(page.getByLabel(labelled('Location')), b.location);
  await m.fill(page.getByLabel(labelled('Website')), b.website);
  await m.fill(page.getByLabel(labelled('Research interests')), b.interests);
  await m.fill(page.getByLabel(labelled('About')), b.about);
  await m.click(page.getByRole('button', { name: 'Save', exact: true }));
  await expectNoErrors(page, 'basics');
}

async function enterAuthorRows(m, page, paper) {
  const name = (i) => page.getByLabel(labelled(`Name of author ${i + 1}`));
  const onSite = (i) => page.getByLabel(labelled(`On-site researcher (author ${i + 1})`));
  // Row 1 comes filled with the owner, linked to their profile.
  if (paper.ownerAt !== 0) {
    await m.fill(name(0), paper.authors[0]);
    await m.choose(onSite(0), '— not on this site —');
  }
  for (let i = 1; i < paper.authors.length; i++) {
    if (!(await visible(name(i)))) {
      await m.click(page.getByRole('button', { name: 'Add author', exact: true }));
    }
    await m.fill(name(i), paper.authors[i]);
    if (i === paper.ownerAt) await m.choose(onSite(i), profile.owner.displayName);
  }
}

// `more`: another paper follows, so a form that offers "Save and add another" is used as a user would.
async function enterPaper(m, page, paper, more) {
  if (!new URL(page.url()).pathname.endsWith('/publications/new')) {
    await m.click(control(page, /^Add a publication$/).first());
  }
  await m.fill(page.getByLabel(labelled('Title')), paper.title);
  await m.fill(page.getByLabel(labelled('Venue, full name')), paper.venueName);
  await m.fill(page.getByLabel(labelled('Venue, short name')), paper.venueShort);
  await m.fill(page.getByLabel(labelled('Year')), String(paper.year));
  const type = page.getByLabel(labelled('Type'));
  if ((await type.inputValue()) !== paper.type) await m.choose(type, paper.type);
  const pasteBox = page.getByLabel(/^Paste an author list/);
  if (!(await visible(pasteBox)) && (await pasteBox.count()) > 0) {
    // A box folded away under a disclosure is opened first, as a user would.
    const opener = page.locator('summary').filter({ hasText: /paste/i });
    if (await visible(opener)) await m.click(opener.first());
  }
  let pasted = false;
  if (await visible(pasteBox)) {
    await m.fill(pasteBox.first(), paper.authors.join('\n'));
    pasted = true;
  } else {
    await enterAuthorRows(m, page, paper);
  }
  const saveAndAdd = page.getByRole('button', { name: 'Save and add another' });
  await m.click(more && (await visible(saveAndAdd)) ? saveAndAdd.first() : page.getByRole('button', { name: 'Save publication' }).first());
  await expectNoErrors(page, `paper “${paper.title}”`);
  return pasted;
}

async function pasteList(m, page, section, link, lines) {
  await m.click(nav(page, section));
  await m.click(control(page, link).first());
  await m.fill(page.getByLabel(labelled('One per line')), lines.join('\n'));
  const save = page.getByRole('button', { name: /^Save (these \d+ items|this item)$/ });
  // Where the preview is live the Save button is already there; otherwise Preview first.
  if (!(await visible(save))) await m.click(page.getByRole('button', { name: 'Preview', exact: true }));
  await expectNoErrors(page, `${section} paste`);
  await m.click(save);
  await expectNoErrors(page, `${section} save`);
}

async function enterProject(m, page, project, papers) {
  await m.fill(page.getByLabel(labelled('Title')), project.title);
  await m.fill(page.getByLabel(labelled('Your role')), project.role);
  const kind = page.getByLabel(labelled('Kind'));
  if ((await kind.evaluate((s) => s.selectedOptions[0]?.text.trim())) !== project.kind) await m.choose(kind, project.kind);
  await m.fill(page.getByLabel(labelled('Summary')), project.summary);
  await m.fill(page.getByLabel(labelled('Narrative')), project.narrative);
  await m.fill(page.getByLabel(labelled('Start')), project.start);
  await m.fill(page.getByLabel(labelled('End')), project.end);
  await m.fill(page.getByLabel(/^URL of link 1\b/), project.link);
  for (const i of project.related) {
    await m.tick(page.getByRole('checkbox', { name: new RegExp(`^${escapeRe(papers[i].title)}`) }));
  }
  await m.click(page.getByRole('button', { name: 'Add project', exact: true }));
  await expectNoErrors(page, `project “${project.title}”`);
}

// Moves an item one place: up, or down when it is already first.
async function moveOnce(m, page, title) {
  const up = page.getByRole('button', { name: itemButton('Move up', title) });
  const target = (await up.isEnabled()) ? up : page.getByRole('button', { name: itemButton('Move down', title) });
  await m.click(target);
}

async function listActions(m, page) {
  const { papers, news, awards, listActions: a } = profile;
  const act = async (fn) => { m.inListAction = true; await fn(); m.inListAction = false; };
  await m.click(nav(page, 'Publications'));
  for (const i of a.highlight) await act(() => m.click(page.getByRole('button', { name: itemButton('Highlight', papers[i].title) })));
  await act(() => moveOnce(m, page, papers[a.movePaper].title));
  await m.click(nav(page, 'News'));
  const newsText = news[a.deleteNews].replace(/^\S+\s+/, '');
  await act(() => m.click(page.getByRole('button', { name: itemButton('Delete', newsText.slice(0, 40)) })));
  await m.click(nav(page, 'Awards'));
  const awardTitle = (line) => line.split(/ — |, \d{4}/)[0];
  await act(() => moveOnce(m, page, awardTitle(awards[a.moveAward])));
  await act(() => m.click(page.getByRole('button', { name: itemButton('Hide', awardTitle(awards[a.hideAward])) })));
}

async function run(o) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const link = await createAccount(browser, o.base, o.mail);
    const context = await browser.newContext({ javaScriptEnabled: o.mode === 'js', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    const m = new Meter(page);
    await acceptInvitation(page, link);
    await m.settle();
    const started = Date.now();

    m.phase = 'basics';
    await enterBasics(m, page);

    m.phase = 'papers';
    await m.click(nav(page, 'Publications'));
    let pastedAuthors = 0;
    for (const [i, paper] of profile.papers.entries()) {
      if (await enterPaper(m, page, paper, i < profile.papers.length - 1)) pastedAuthors++;
    }

    m.phase = 'news';
    await pasteList(m, page, 'News', /^Add several news items at once/, profile.news);
    m.phase = 'awards';
    await pasteList(m, page, 'Awards', /^Add several awards at once/, profile.awards);
    m.phase = 'service';
    await pasteList(m, page, 'Service', /^Add several service roles at once/, profile.service);

    m.phase = 'projects';
    await m.click(nav(page, 'Projects'));
    for (const project of profile.projects) await enterProject(m, page, project, profile.papers);

    m.phase = 'list actions';
    await listActions(m, page);
    const seconds = (Date.now() - started) / 1000;
    await context.close();

    await verify(browser, o.base);
    const result = {
      mode: o.mode,
      counts: m.counts,
      listActionLoads: m.listActionLoads,
      dialogs: m.dialogs,
      pastedAuthors,
      seconds,
    };
    fs.writeFileSync(o.out, JSON.stringify(result, null, 2));
    console.log(`${o.mode}: entered and checked in ${seconds.toFixed(0)} s; author lists pasted for ${pastedAuthors} of ${profile.papers.length} papers`);
  } finally {
    await browser.close();
  }
}

// Reads the public pages in a context of its own (not counted) and compares them with what was entered.
async function verify(browser, base) {
  const { owner, papers, news, awards, projects, listActions: a } = profile;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = [];
  const expect = (what, actual, expected) => {
    if (actual !== expected) problems.push(`${what}: ${actual}, expected ${expected}`);
  };

  await page.goto(`${base}/people/${owner.slug}`);
  const front = await page.evaluate(() => {
    const inSection = (id, selector) => [...document.querySelectorAll(`section[aria-labelledby="${id}"] ${selector}`)];
    return {
      name: document.querySelector('h1')?.textContent.trim(),
      body: document.body.innerText,
      aboutParagraphs: inSection('about-heading', 'p').length,
      news: inSection('news-heading', 'li').map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
      selected: inSection('publications-heading', 'article').length,
      allLink: inSection('publications-heading', 'a').map((x) => x.textContent.trim()).find((t) => t.startsWith('All publications')),
      awards: inSection('awards-heading', 'li').map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
      roles: inSection('service-heading', 'dt').length,
      venues: inSection('service-heading', 'dd').flatMap((dd) => dd.textContent.split(';')).length,
      projects: inSection('projects-heading', 'article').length,
      relatedLinks: inSection('projects-heading', 'a[href*="/publications/"]').length,
    };
  });
  expect('profile name', front.name, owner.displayName);
  if (!front.body.includes(profile.basics.headline)) problems.push('the headline is missing');
  if (front.aboutParagraphs < 3) problems.push(`About has ${front.aboutParagraphs} paragraphs, expected 3`);
  expect('news items', front.news.length, news.length - 1);
  const deleted = news[a.deleteNews].replace(/^\S+\s+/, '');
  if (front.news.some((t) => t.includes(deleted))) problems.push('the deleted news item is still shown');
  expect('selected publications', front.selected, a.highlight.length);
  expect('link to the full list', front.allLink, `All publications (${papers.length})`);
  expect('awards shown', front.awards.length, awards.length - 1);
  const awardTitle = (line) => line.split(/ — |, \d{4}/)[0];
  if (front.awards.some((t) => t.startsWith(awardTitle(awards[a.hideAward])))) problems.push('the hidden award is shown');
  const movedAt = front.awards.findIndex((t) => t.startsWith(awardTitle(awards[a.moveAward])));
  if (movedAt === a.moveAward) problems.push('the moved award is still in its place');
  expect('service roles', front.roles, profile.serviceRoles);
  expect('service venues', front.venues, profile.serviceVenues);
  expect('projects', front.projects, projects.length);

  await page.goto(`${base}/people/${owner.slug}/publications`);
  expect('papers in the full list', await page.locator('article.pub').count(), papers.length);

  const bib = await (await context.request.get(`${base}/people/${owner.slug}/publications.bib`)).text();
  const entries = bib.split(/\n(?=@)/).filter((e) => e.trim().startsWith('@'));
  expect('BibTeX entries', entries.length, papers.length);
  const plain = (s) => s.replace(/[{}]/g, '').replace(/\s+/g, ' ').toLowerCase();
  for (const paper of papers) {
    const entry = entries.find((e) => plain(e).includes(plain(paper.title)));
    if (!entry) {
      problems.push(`“${paper.title}” is not in the BibTeX export`);
      continue;
    }
    const field = entry.match(/^\s*author\s*=\s*(.*)$/m);
    const authors = field ? plain(field[1]).split(' and ') : [];
    expect(`authors of “${paper.title}”`, authors.length, paper.authors.length);
    const at = authors.findIndex((x) => x.includes(plain(owner.familyName)));
    expect(`the owner's place in “${paper.title}”`, at, paper.ownerAt);
  }
  await context.close();
  if (problems.length > 0) {
    throw new Error(`the public profile does not show what was entered:\n  ${problems.join('\n  ')}`);
  }
}

function table(files) {
  const runs = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const [js, nojs] = runs;
  const cell = (run, phase, what) => run.counts[phase]?.[what] ?? 0;
  const total = (run, what) => phases.reduce((s, p) => s + cell(run, p, what), 0);
  const lines = [
    '| phase | page loads, JS | page loads, no JS | requests, JS | requests, no JS | clicks, JS | clicks, no JS | fields filled, JS | fields filled, no JS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const row = (label, get) => `| ${label} | ${['loads', 'requests', 'clicks', 'fields'].flatMap((w) => [get(js, w), get(nojs, w)]).join(' | ')} |`;
  for (const p of phases) lines.push(row(p, (r, w) => cell(r, p, w)));
  lines.push(row('**total**', (r, w) => `**${total(r, w)}**`));
  const saved = 1 + profile.papers.length + profile.news.length + profile.awards.length + profile.serviceVenues + profile.projects.length;
  const actions = profile.listActions.highlight.length + 4;
  lines.push('');
  lines.push(`Items saved: ${saved} (basics, ${profile.papers.length} papers, ${profile.news.length} news items, ${profile.awards.length} awards, ${profile.serviceVenues} service venues, ${profile.projects.length} projects). ` +
    `Full page loads per saved item: ${(total(js, 'loads') / saved).toFixed(2)} with JavaScript, ${(total(nojs, 'loads') / saved).toFixed(2)} without.`);
  lines.push('');
  lines.push(`The ${actions} list actions themselves (3 highlights, 2 moves, a hide, a delete; not counting opening the lists): ` +
    `${js.listActionLoads} full page loads with JavaScript, ${nojs.listActionLoads} without.`);
  lines.push('');
  lines.push(`Author lists entered through a paste box: ${js.pastedAuthors} of ${profile.papers.length} papers with JavaScript, ${nojs.pastedAuthors} without (otherwise one row at a time with “Add author”).`);
  console.log(lines.join('\n'));
}

const o = args();
if (o.table) {
  table(o.table);
} else {
  run(o).catch((e) => {
    console.error(e.stack ?? String(e));
    process.exit(1);
  });
}
